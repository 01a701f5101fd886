"""Workspaces: each review workspace is its own SQLite store, so one browser
session (or one named team folder) never lists another's documents.

A workspace is a name; its store is ``<root>/<name>.sqlite`` where ``root`` is
``workspaces/`` beside :func:`extractor.review.default_db_path` (so
``$LEGAL_FACTS_REVIEW_DB`` moves the workspaces with it). The app gives every
new browser session an unguessable name (``session-`` + 16 random hex digits)
and keeps it in the page address (``?ws=...``), so a reload reopens the same
workspace and another session, without that address, gets its own.
"""
from __future__ import annotations

import re
import secrets
from pathlib import Path

from .edits import ReviewError
from .store import default_db_path

SESSION_PREFIX = "session-"
NAME_MAX = 64
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def workspaces_root(db_path: str | Path | None = None) -> Path:
    """The folder holding every workspace's store: ``workspaces/`` beside ``db_path``
    (default :func:`default_db_path`)."""
    return Path(db_path or default_db_path()).parent / "workspaces"


def check_name(name: str) -> str:
    """A workspace name, trimmed, or a plain error.

    Args:
        name: what the user typed: 1 to 64 letters, digits, ``-``, ``_`` or ``.``,
            starting with a letter or digit (so it is a safe file name).
    Returns:
        The trimmed name.
    Raises:
        ReviewError: for an empty name or one with other characters (``/``, spaces, ``..``).
    """
    name = (name or "").strip()
    if not _NAME.match(name) or ".." in name:
        raise ReviewError("A workspace name is 1 to 64 letters, digits, '-', '_' or '.', "
                          "starting with a letter or digit.")
    return name


def new_session_name() -> str:
    """A fresh, unguessable workspace name for one browser session (``session-`` + 16 hex digits)."""
    return SESSION_PREFIX + secrets.token_hex(8)


def is_session_name(name: str) -> bool:
    """True for a name :func:`new_session_name` made."""
    return bool(re.fullmatch(re.escape(SESSION_PREFIX) + r"[0-9a-f]{16}", name or ""))


def workspace_db_path(name: str, root: str | Path | None = None) -> Path:
    """The store file of workspace ``name`` (checked with :func:`check_name`).

    Raises:
        ReviewError: for a name :func:`check_name` refuses.
    """
    base = Path(root) if root is not None else workspaces_root()
    return base / f"{check_name(name)}.sqlite"

