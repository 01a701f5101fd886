"""Word .docx: paragraphs and table cells in document order (python-docx).

The zip is first unpacked once under a budget (:func:`.budget.check_zip`: ``docx.bomb``).
python-docx parses every XML part with lxml and ``resolve_entities=False`` (lxml's default
``no_network=True`` and ``load_dtd=False`` stand): an entity a DOCTYPE declares, internal or
external (XXE), is never expanded nor fetched and its reference reads as nothing; libxml2 refuses
a "billion laughs" by its amplification limit (``docx.corrupt``). Comments and processing
instructions are skipped.
"""
from __future__ import annotations

import io

from ..errors import InputError
from .clean import normalize_chars, tidy_lines
from .source import SourceText, join_pages

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def read_docx(data: bytes) -> SourceText:
    """Read a .docx file as one page (Word files carry no fixed page breaks).

    Raises:
        InputError: ``docx.corrupt`` when python-docx cannot open it.
    """
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise InputError("docx.corrupt", f"The Word document could not be opened ({type(exc).__name__}).") from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if _is(child, "p"):
            lines.append(_text_of(child))
        elif _is(child, "tbl"):
            for row in child.iter():
                if _is(row, "tr"):
                    cells = [" ".join(_text_of(p) for p in cell.iter() if _is(p, "p")).strip()
                             for cell in row.iterchildren() if _is(cell, "tc")]
                    lines.append("  ".join(cells))
    text, pages = join_pages([tidy_lines(normalize_chars("\n".join(lines)))])
    return SourceText(text=text, pages=pages, media_type=DOCX_TYPE, has_pages=False)


def _is(element, name: str) -> bool:
    """True for a WordprocessingML element named ``name`` ("p", "tbl"); XML comments and processing
    instructions (whose ``tag`` is no string) are none."""
    return isinstance(element.tag, str) and element.tag.rsplit("}", 1)[-1] == name


def _text_of(element) -> str:
    """The text runs (``w:t``) under ``element``, joined; inside a run, the text after an
    unexpanded entity reference or a comment (their ``tail``) is kept."""
    return "".join((t.text or "") + "".join(c.tail or "" for c in t) for t in element.iter() if _is(t, "t"))
