"""The review store: one SQLite file in the user data folder, keyed by the
document's sha256 (``document.id``).

Tables:
    documents  (doc_id, source, result_json, saved_at): the extraction result,
               with ``document.text``, saved only when the user saves a review
               (a first decision); the uploaded bytes only in ``sources``, on request.
    decisions  (doc_id, fact_id, status, edits_json, note, updated_at): one row
               per reviewed fact; ``status`` is ``accepted``, ``rejected`` or
               ``unreviewed``, ``edits`` maps field names to corrected values.
    added      (doc_id, fact_id, fact_json, created_at): facts the reviewer added.
    sources    (doc_id, name, data, saved_at): the uploaded file itself, kept only
               when the reviewer asks (per document, at most :data:`SOURCE_MAX_BYTES`),
               so a reopened review shows its page images.

Every call opens and closes its own connection, so the store is safe to use
from Streamlit's script threads.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

ENV_DB = "LEGAL_FACTS_REVIEW_DB"
APP_DIR = "legal-facts"
DB_NAME = "reviews.sqlite"
DECISION_STATUSES = ("accepted", "rejected", "unreviewed")
SOURCE_MAX_BYTES = 20 * 1024 * 1024  # a kept source file; bigger ones are refused

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, result_json TEXT NOT NULL, saved_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS decisions (
    doc_id TEXT NOT NULL, fact_id TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'unreviewed',
    edits_json TEXT NOT NULL DEFAULT '{}', note TEXT, updated_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, fact_id));
CREATE TABLE IF NOT EXISTS added (
    doc_id TEXT NOT NULL, fact_id TEXT NOT NULL, fact_json TEXT NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, fact_id));
CREATE TABLE IF NOT EXISTS sources (
    doc_id TEXT PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL, saved_at TEXT NOT NULL);
"""


def default_db_path() -> Path:
    """Where reviews are kept: ``$LEGAL_FACTS_REVIEW_DB`` when set (tests, a
    shared folder), else ``$XDG_DATA_HOME/legal-facts/reviews.sqlite``, else
    ``~/.local/share/legal-facts/reviews.sqlite`` (the XDG base-directory
    default; on Windows ``%LOCALAPPDATA%\\legal-facts``)."""
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser()
    if os.environ.get("XDG_DATA_HOME"):
        base = Path(os.environ["XDG_DATA_HOME"])
    elif os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    else:
        base = Path.home() / ".local" / "share"
    return base / APP_DIR / DB_NAME


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class ReviewStore:
    """A reviewer's decisions for many documents, in one SQLite file.

    Args:
        path: the database file; created (with its folder) on first use.
            Defaults to :func:`default_db_path`. It holds the text of every reviewed filing, so a new
            file is readable by its owner only (0600, a new folder 0700; SQLite's journal files copy it).
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_db_path()
        if not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, mode=0o700)
        if not self.path.exists():
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        with closing(self._connect()) as conn, conn:
            conn.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10)
        conn.row_factory = sqlite3.Row
        return conn

    # documents -----------------------------------------------------------
    def save_document(self, result: dict) -> None:
        """Keep an extraction result (FACTS.md dict, ideally with ``document.text``)
        so its review can be reopened after a restart. Replaces an older copy."""
        doc = result["document"]
        with closing(self._connect()) as conn, conn:
            conn.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)",
                         (doc["id"], doc.get("source", ""), json.dumps(result), _now()))

    def has_document(self, doc_id: str) -> bool:
        """True when the result of ``doc_id`` is saved."""
        with closing(self._connect()) as conn:
            return conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def load_document(self, doc_id: str) -> dict | None:
        """The saved result of ``doc_id``, or None."""
        with closing(self._connect()) as conn:
            row = conn.execute("SELECT result_json FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return json.loads(row["result_json"]) if row else None

    def documents(self) -> list[dict]:
        """Saved documents, newest first: ``[{"doc_id", "source", "saved_at", "reviewed"}]``
        where ``reviewed`` counts facts with a decision, an edit or a note."""
        with closing(self._connect()) as conn:
            rows = conn.execute(
                "SELECT d.doc_id, d.source, d.saved_at, "
                "(SELECT COUNT(*) FROM decisions c WHERE c.doc_id = d.doc_id) AS reviewed "
                "FROM documents d ORDER BY d.saved_at DESC, d.source").fetchall()
        return [dict(r) for r in rows]

    def forget(self, doc_id: str) -> None:
        """Delete everything kept about ``doc_id`` (result, decisions, added facts, source file)."""
        with closing(self._connect()) as conn, conn:
            for table in ("documents", "decisions", "added", "sources"):
                conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    # source files --------------------------------------------------------
    def save_source(self, doc_id: str, name: str, data: bytes, max_bytes: int = SOURCE_MAX_BYTES) -> None:
        """Keep the uploaded file of ``doc_id`` beside its review (replaces an older copy).

        Raises:
            ValueError: when ``data`` is longer than ``max_bytes`` (the message names the limit).
        """
        if len(data) > max_bytes:
            raise ValueError(f"The file is {len(data) / 1e6:.1f} MB; files up to {max_bytes / 1e6:.0f} MB are kept.")
        with closing(self._connect()) as conn, conn:
            conn.execute("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?)", (doc_id, name, data, _now()))

    def load_source(self, doc_id: str) -> bytes | None:
        """The kept file of ``doc_id``, or None."""
        with closing(self._connect()) as conn:
            row = conn.execute("SELECT data FROM sources WHERE doc_id = ?", (doc_id,)).fetchone()
        return bytes(row["data"]) if row else None

    def has_source(self, doc_id: str) -> bool:
        """True when the file of ``doc_id`` is kept."""
        with closing(self._connect()) as conn:
            return conn.execute("SELECT 1 FROM sources WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def drop_source(self, doc_id: str) -> None:
        """Delete the kept file of ``doc_id`` (its review stays)."""
        with closing(self._connect()) as conn, conn:
            conn.execute("DELETE FROM sources WHERE doc_id = ?", (doc_id,))

    # decisions -----------------------------------------------------------
    def _upsert(self, doc_id: str, fact_id: str, **values) -> None:
        with closing(self._connect()) as conn, conn:
            conn.execute("INSERT OR IGNORE INTO decisions (doc_id, fact_id, updated_at) VALUES (?, ?, ?)",
                         (doc_id, fact_id, _now()))
            sets = ", ".join(f"{k} = ?" for k in values)
            conn.execute(f"UPDATE decisions SET {sets}, updated_at = ? WHERE doc_id = ? AND fact_id = ?",
                         (*values.values(), _now(), doc_id, fact_id))

    def set_status(self, doc_id: str, fact_id: str, status: str) -> None:
        """Accept, reject or reset (``unreviewed``) one fact.

        Raises:
            ValueError: for a status outside :data:`DECISION_STATUSES`.
        """
        if status not in DECISION_STATUSES:
            raise ValueError(f"status must be one of {DECISION_STATUSES}, not {status!r}")
        self._upsert(doc_id, fact_id, status=status)

    def set_edits(self, doc_id: str, fact_id: str, edits: dict) -> None:
        """Replace the corrected field values of one fact (``{}`` removes them).
        Values should come from :func:`extractor.review.coerce_edits`; editing
        also accepts the fact (a rejected fact stays rejected)."""
        current = self.review(doc_id)["decisions"].get(fact_id, {})
        status = current.get("status", "unreviewed")
        if edits and status == "unreviewed":
            status = "accepted"
        self._upsert(doc_id, fact_id, edits_json=json.dumps(edits), status=status)

    def set_many(self, doc_id: str, fact_ids: list[str], status: str) -> None:
        """Set one status on many facts in one transaction (bulk accept or reject).

        Raises:
            ValueError: for a status outside :data:`DECISION_STATUSES`.
        """
        if status not in DECISION_STATUSES:
            raise ValueError(f"status must be one of {DECISION_STATUSES}, not {status!r}")
        now = _now()
        with closing(self._connect()) as conn, conn:
            conn.executemany("INSERT OR IGNORE INTO decisions (doc_id, fact_id, updated_at) VALUES (?, ?, ?)",
                             [(doc_id, f, now) for f in fact_ids])
            conn.executemany("UPDATE decisions SET status = ?, updated_at = ? WHERE doc_id = ? AND fact_id = ?",
                             [(status, now, doc_id, f) for f in fact_ids])

    def set_note(self, doc_id: str, fact_id: str, note: str | None) -> None:
        """Attach a free-text note to one fact (empty or None removes it)."""
        self._upsert(doc_id, fact_id, note=(note or "").strip() or None)

    # added facts ---------------------------------------------------------
    def add_fact(self, doc_id: str, fact: dict) -> str:
        """Keep a fact the reviewer added; returns its id (``manual-N``, N from 1)."""
        with closing(self._connect()) as conn, conn:
            rows = conn.execute("SELECT fact_id FROM added WHERE doc_id = ?", (doc_id,)).fetchall()
            taken = {r["fact_id"] for r in rows}
            n = len(taken) + 1
            while f"manual-{n}" in taken:
                n += 1
            fact = {**fact, "id": f"manual-{n}"}
            conn.execute("INSERT INTO added VALUES (?, ?, ?, ?)", (doc_id, fact["id"], json.dumps(fact), _now()))
        return fact["id"]

    def remove_added(self, doc_id: str, fact_id: str) -> None:
        """Delete an added fact and its decision."""
        with closing(self._connect()) as conn, conn:
            conn.execute("DELETE FROM added WHERE doc_id = ? AND fact_id = ?", (doc_id, fact_id))
            conn.execute("DELETE FROM decisions WHERE doc_id = ? AND fact_id = ?", (doc_id, fact_id))

    def review(self, doc_id: str) -> dict:
        """Everything decided about one document.

        Returns:
            ``{"decisions": {fact_id: {"status", "edits", "note", "updated_at"}},
            "added": [fact dicts in the order added]}``.
        """
        with closing(self._connect()) as conn:
            rows = conn.execute("SELECT * FROM decisions WHERE doc_id = ?", (doc_id,)).fetchall()
            added = conn.execute("SELECT fact_json FROM added WHERE doc_id = ? ORDER BY created_at, rowid",
                                 (doc_id,)).fetchall()
        decisions = {r["fact_id"]: {"status": r["status"], "edits": json.loads(r["edits_json"]),
                                    "note": r["note"], "updated_at": r["updated_at"]} for r in rows}
        return {"decisions": decisions, "added": [json.loads(r["fact_json"]) for r in added]}
