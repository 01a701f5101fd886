"""Where the shipped data files (``models/``: patterns, word lists, court names) are read from.

In a source checkout they are the repository's ``models/`` folder; in an installed wheel the same files
are package data at ``extractor/models/`` (``pyproject.toml`` maps the folder there).
"""
from __future__ import annotations

import json
from pathlib import Path

_INSTALLED = Path(__file__).resolve().parent / "models"
MODELS_DIR = _INSTALLED if _INSTALLED.is_dir() else Path(__file__).resolve().parent.parent / "models"


def load_json(name: str):
    """Parse ``models/<name>`` (UTF-8 JSON).

    Raises:
        FileNotFoundError: when the file is not shipped (a broken install).
    """
    return json.loads((MODELS_DIR / name).read_text(encoding="utf-8"))
