// The document side of the review desk (st.components.v2, no iframe, no network).
// data: {html, key, page}. A click on a mark sends "pick" (its fact id); a text
// selection sends "span" ({start, end}, document offsets from data-s).
export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  let root = parentElement.querySelector(".lf-doc");
  if (!root) {
    root = document.createElement("div");
    root.className = "lf-doc";
    parentElement.appendChild(root);
    const offset = (node, off) => {
      const el = node.nodeType === 3 ? node.parentElement : node;
      const piece = el && el.closest("[data-s]");
      if (!piece || !root.contains(piece)) return null;
      return Number(piece.dataset.s) + (node.nodeType === 3 ? off : 0);
    };
    // a selection ends with a mouseup and then a click, which must not pick: the flag "dragged"
    // swallows that one click; a new press clears it, so a flag left by a mouseup without its
    // click (a selection made another way) never swallows a later, real click
    root.addEventListener("mousedown", () => { delete root.dataset.dragged; });
    root.addEventListener("mouseup", () => {
      const sel = window.getSelection();
      if (!sel || sel.isCollapsed || !sel.rangeCount) return;
      const r = sel.getRangeAt(0);
      const start = offset(r.startContainer, r.startOffset), end = offset(r.endContainer, r.endOffset);
      if (start !== null && end !== null && end > start) { root.dataset.dragged = "1"; setTriggerValue("span", { start, end }); }
    });
    root.addEventListener("click", (e) => {
      if (root.dataset.dragged) { delete root.dataset.dragged; return; }
      const mark = e.target.closest("[data-fact]");
      if (!mark) return;
      root.querySelectorAll(".current").forEach((m) => m.classList.remove("current"));
      root.querySelectorAll(`[data-fact="${CSS.escape(mark.dataset.fact)}"]`).forEach((m) => m.classList.add("current"));
      setTriggerValue("pick", mark.dataset.fact);
    });
  }
  if (root.dataset.key !== String(data.key)) {
    const keepScroll = root.dataset.page === String(data.page) ? root.scrollTop : 0;
    root.innerHTML = data.html;
    root.dataset.key = String(data.key);
    root.dataset.page = String(data.page);
    root.scrollTop = keepScroll;
    const cur = root.querySelector(".current");
    if (cur && data.follow) {
      const top = cur.getBoundingClientRect().top - root.getBoundingClientRect().top + root.scrollTop;
      if (top < root.scrollTop || top > root.scrollTop + root.clientHeight - 40) root.scrollTop = Math.max(0, top - root.clientHeight / 3);
    }
  }
}
