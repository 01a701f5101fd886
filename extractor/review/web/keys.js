// Review keys (Prodigy style): j / ArrowDown next, k / ArrowUp previous, a accept,
// r reject, e edit. Each key clicks the desk's button of that name; typing in a
// field is never taken over. Installed once per page.
export default function () {
  if (window.__legalFactsKeys) return;
  window.__legalFactsKeys = true;
  const KEYS = { j: "next", ArrowDown: "next", k: "prev", ArrowUp: "prev", a: "accept", r: "reject", e: "edit" };
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || !KEYS[e.key]) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    const name = KEYS[e.key];
    if (name === "edit") {
      const summary = document.querySelector(".st-key-kb_edit summary");
      if (!summary) return;
      e.preventDefault();
      const details = summary.closest("details");
      if (details && !details.open) summary.click();
      setTimeout(() => { const f = document.querySelector(".st-key-kb_edit input, .st-key-kb_edit textarea"); if (f) f.focus(); }, 150);
      return;
    }
    const button = document.querySelector(`.st-key-kb_${name} button`);
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
}
