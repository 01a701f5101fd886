"""Invariants over every file of ../shared/corpus: offsets slice back, facts sit
inside their page and sentence, every line validates against the schema."""
from __future__ import annotations

import json

import pytest

from conftest import SHARED

CORPUS_FILES = sorted(p for d in ("real", "news") for p in (SHARED / "corpus" / d).glob("*")
                      if p.suffix.lower() in {".pdf", ".txt", ".html", ".htm", ".docx"}) if SHARED.exists() else []


@pytest.fixture(scope="module")
def corpus_results(tmp_path_factory):
    """Run one batch over the whole shared corpus; returns {file name: (result, text)}."""
    from extractor.batch import run_batch

    out = tmp_path_factory.mktemp("batch") / "out.jsonl"
    run_batch([str(SHARED / "corpus" / "real"), str(SHARED / "corpus" / "news")], str(out),
              include_text=True, jobs=2, resume=False, progress=False)
    results = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        results[obj["document"]["source"].rsplit("/", 1)[-1]] = obj
    return results


def test_one_line_per_file(corpus_results):
    assert sorted(corpus_results) == sorted(p.name for p in CORPUS_FILES)
    assert len(CORPUS_FILES) >= 40


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_document_invariants(corpus_results, path):
    from extractor.schema import validate_line

    obj = corpus_results[path.name]
    assert "error" not in obj, obj.get("error")
    validate_line(obj)
    doc = obj["document"]
    text = doc["text"]
    assert doc["text_length"] == len(text)
    pages = doc["pages"]
    assert [p["number"] for p in pages] == list(range(1, len(pages) + 1))
    for a, b in zip(pages, pages[1:]):
        assert a["end_char"] <= b["start_char"]
    ids = [f["id"] for f in obj["facts"]]
    assert len(ids) == len(set(ids))
    for fact in obj["facts"]:
        assert text[fact["start_char"]:fact["end_char"]] == fact["text"], fact
        sent = fact["sentence"]
        assert text[sent["start_char"]:sent["end_char"]] == sent["text"]
        assert sent["start_char"] <= fact["start_char"] and fact["end_char"] <= sent["end_char"]
        if fact["page"] is not None:
            page = pages[fact["page"] - 1]
            assert page["start_char"] <= fact["start_char"] < page["end_char"], fact
        for m in fact.get("mentions", []):
            assert 0 <= m["start_char"] < m["end_char"] <= len(text)


def test_scanned_pdf_without_text_is_not_silent(corpus_results):
    """A PDF page with no text layer (and no OCR text) is reported, never silently empty."""
    for obj in corpus_results.values():
        if "error" in obj or obj["document"]["media_type"] != "application/pdf":
            continue
        for page in obj["document"]["pages"]:
            if page["start_char"] == page["end_char"] and not page["ocr"]:
                assert any(w["code"] == "pdf.no_text_layer" and w["page"] == page["number"] for w in obj["warnings"])
