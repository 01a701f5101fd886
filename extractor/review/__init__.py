"""Reviewing extracted facts: a local SQLite store of a reviewer's decisions
(accept, reject, edit, add, note), and exports of the reviewed facts.

Pure Python (no Streamlit), so the review app stays thin and the logic is
tested on its own. Everything stays on the user's machine: one store per
workspace in the user data folder (:mod:`.workspace`, beside
:func:`default_db_path`).

Modules: ``store`` (SQLite), ``workspace`` (names and paths), ``edits``
(applying a review), ``filters`` and ``desk`` (the fact list: rows, folded
speaker turns, counts), ``marks`` (the document view's HTML), ``pdfview``
(page images and fact boxes), ``chronology`` (dated events, CSV, Word),
``export`` (JSON, JSON Lines, CSV), ``text`` (spans and sentences).

Public API: :class:`ReviewStore`, :func:`default_db_path`,
:func:`apply_review`, :func:`make_manual_fact`, :func:`to_json`,
:func:`to_jsonl`, :func:`to_csv`, :data:`EDITABLE_FIELDS`.
"""
from .edits import EDITABLE_FIELDS, MAIN_FIELD, STATUSES, ReviewError, apply_review, coerce_edits, make_manual_fact
from .export import CSV_COLUMNS, to_csv, to_json, to_jsonl
from .filters import ROLES, field_choices, filter_facts
from .store import ReviewStore, default_db_path

__all__ = [
    "CSV_COLUMNS", "EDITABLE_FIELDS", "MAIN_FIELD", "ROLES", "field_choices", "filter_facts", "STATUSES", "ReviewError", "ReviewStore", "apply_review",
    "coerce_edits", "default_db_path", "make_manual_fact", "to_csv", "to_json", "to_jsonl",
]
