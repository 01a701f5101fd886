"""Plain text in any common encoding."""
from __future__ import annotations

from ..errors import InputError
from .clean import normalize_chars
from .source import SourceText, join_pages


def decode(data: bytes) -> tuple[str, dict | None]:
    """Decode bytes: UTF-8 (with or without BOM) first, else detect with charset-normalizer.

    Returns:
        ``(text, warning)``; the warning names the detected encoding, or is None for UTF-8.
    Raises:
        InputError: ``text.decode`` when no encoding fits, or the bytes look binary.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), {"code": "text.encoding_guessed", "message": "The text was decoded as UTF-16.", "page": None}
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        # Windows-1252 maps nearly every byte: the usual fallback for Western text.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError("text.decode") from exc
        encoding = "cp1252"
    else:
        text, encoding = str(best), best.encoding
    if text.count("\x00") > len(text) // 100 + 1:
        raise InputError("input.unsupported_format", "The file looks binary, not text.")
    return text, {"code": "text.encoding_guessed", "message": f"The text was decoded as {encoding}.", "page": None}


def read_text(data: bytes) -> SourceText:
    """Read a plain-text file as one page (``has_pages`` False).

    Raises:
        InputError: ``text.decode``, ``input.unsupported_format``.
    """
    raw, warning = decode(data)
    text, pages = join_pages([normalize_chars(raw).strip("\n")])
    return SourceText(text=text, pages=pages, media_type="text/plain",
                      warnings=[warning] if warning else [], has_pages=False)
