"""Legal-document fact extractor: court filings and news of court cases in,
source-grounded facts (parties, dates, quantities, counts, orders, citations,
quotes) out, in the JSON shape of ``../shared/spec/FACTS.md``.

Public API: :func:`extract_file`, :func:`extract_bytes`, :func:`extract_text`,
:func:`load_pipeline`, :data:`__version__`.
"""
__version__ = "0.2.0"

from .extract import error_result, extract_bytes, extract_file, extract_text  # noqa: E402
from .pipeline import load_pipeline  # noqa: E402

__all__ = ["__version__", "error_result", "extract_bytes", "extract_file", "extract_text", "load_pipeline"]
