"""Shared test helpers. ``../shared`` (read-only material) is found beside the repo."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def facts_of(text: str, type_: str | None = None, anchor_date: str | None = None, name: str = "case.txt") -> list[dict]:
    """Extract ``text`` as a plain-text document and return its facts (of one type, if given)."""
    from extractor import extract_text

    result = extract_text(text, name=name, anchor_date=anchor_date)
    return [f for f in result["facts"] if type_ is None or f["type"] == type_]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED
