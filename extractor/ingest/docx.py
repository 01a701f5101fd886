"""Word .docx: paragraphs and table cells in document order (python-docx)."""
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
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iterchildren():
                        if cell.tag.endswith("}tc"):
                            cells.append(" ".join("".join(t.text or "" for t in p.iter() if t.tag.endswith("}t"))
                                                  for p in cell.iter() if p.tag.endswith("}p")).strip())
                    lines.append("  ".join(cells))
    text, pages = join_pages([tidy_lines(normalize_chars("\n".join(lines)))])
    return SourceText(text=text, pages=pages, media_type=DOCX_TYPE, has_pages=False)
