"""Error codes for input that cannot be read, and warning codes for what can be survived.

An :class:`InputError` stops one file (the batch writes an error line and goes
on); a warning (``{"code", "message", "page"}``) is attached to a result.
Codes are stable: consumers may switch on them.
"""
from __future__ import annotations

# code -> plain message shown to a user (the file name is added by the caller)
ERROR_MESSAGES = {
    "input.not_found": "The file does not exist.",
    "input.empty": "The file is empty (0 bytes).",
    "input.too_large": "The file is larger than the size limit.",
    "input.too_many_pages": "The document has more pages than the page limit.",
    "input.unsupported_format": "Unsupported format: only PDF, plain text, HTML and Word (.docx) files are read.",
    "input.unreadable": "The file could not be read.",
    "input.timeout": "Reading the file took longer than the time limit.",
    "input.too_much_text": "The document's text is longer than the 10,000,000 characters one document may hold.",
    "pdf.encrypted": "The PDF is encrypted or password-protected.",
    "pdf.corrupt": "The PDF is damaged or truncated and could not be opened.",
    "pdf.no_text": "The PDF has no text layer and OCR is unavailable or found no text.",
    "docx.corrupt": "The Word document is damaged and could not be opened.",
    "text.decode": "The text file is in an encoding that could not be detected.",
    "extract.failed": "Extraction failed on this file.",
    "extract.worker_died": "The worker process reading this file died (a signal such as the out-of-memory killer's).",
    "extract.timeout": "Extracting the file took longer than the batch's per-file time budget.",
    # --- bounded reading of hostile files (issue 14); limits are in extractor.ingest.IngestSettings
    "input.not_a_file": "This is not a regular file (a folder, pipe, socket or device): only regular files are read.",
    "html.too_deep": "The HTML page nests its elements deeper than the limit of 256.",
    "docx.bomb": "The Word document unpacks to more than the size limit (a zip bomb, or far too large).",
    "pdf.bomb": "A compressed stream in the PDF inflates past the size limit.",
}

# errors of a whole batch or command line (exit status 2: nothing was started)
USAGE_MESSAGES = {
    "usage.not_found": "No such file or folder.",
    "usage.output_is_input": "The output file is one of the inputs; it would overwrite a filing.",
    "usage.output_locked": "Another batch is writing the same output file.",
    "usage.bad_option": "An option has a value that cannot be used.",
}

# error codes a rerun retries (the cause was the run, not the file); other error lines are kept on resume
TRANSIENT_ERRORS = frozenset({"extract.failed", "extract.worker_died", "extract.timeout"})

WARNING_CODES = {
    "pdf.no_text_layer": "A page has no text layer; its text is missing unless OCR ran.",
    "pdf.page_error": "A page could not be read and was skipped.",
    "text.encoding_guessed": "The text was not UTF-8; its encoding was detected.",
    "ocr.failed": "OCR failed on a page.",
    "pdf.bad_redaction": "A box is drawn over text that is still in the PDF: the redaction failed (the words are masked).",
    "ocr.time_limit": "OCR stopped because the file's time budget was spent; later scanned pages have no text.",
}


class UsageError(Exception):
    """A command that cannot start (a missing path, an output that is an input, a locked output).

    The command line prints ``message [code]`` on stderr and exits with status 2.

    Attributes:
        code: a key of :data:`USAGE_MESSAGES`.
        message: a plain sentence for a user.
    """

    def __init__(self, code: str, message: str | None = None):
        self.code = code
        self.message = message or USAGE_MESSAGES.get(code, "The command cannot run.")
        super().__init__(f"{code}: {self.message}")


class InputError(Exception):
    """A file that cannot be turned into text.

    Attributes:
        code: a key of :data:`ERROR_MESSAGES` ("pdf.encrypted", ...).
        message: a plain sentence for a user, no traceback.
    """

    def __init__(self, code: str, message: str | None = None):
        self.code = code
        self.message = message or ERROR_MESSAGES.get(code, "The file could not be read.")
        super().__init__(f"{code}: {self.message}")
