"""Reading a document in pieces (issue 10): pieces tile the text, cut where sentences start, and the
facts of a cut document are the facts of the uncut one; the same input gives the same bytes in any process."""
from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import extract
from extractor.ingest import IngestSettings, read_file
from extractor.pipeline import PIECE_CHARS, parse, piece_bounds

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")

PARAGRAPHS = [  # invented filings text
    "The plaintiff, Ruth Okafor, filed this action on March 4, 2022, against Lumen Dynamics Inc.",
    "Count One alleges breach of contract. Count Two alleges fraud under 18 U.S.C. § 1343.",
    "On May 9, 2023, the Court GRANTS the motion to dismiss Count Two and DENIES it as to Count One.",
    "Ms. Okafor testified: \"I never signed the amendment.\" The defendant paid $12,500 on June 1, 2021.",
]


@pytest.mark.parametrize("text, limit, cuts", [
    ("a" * 10, 4, [(0, 4), (4, 8), (8, 10)]),                 # no whitespace: cut at the limit
    ("One.\n\nTwo.\n\nThree.", 100, [(0, 18)]),                # short: one piece
    ("First one.\n\nSecond one.\n\nThird", 16, [(0, 12), (12, 25), (25, 30)]),  # after the blank lines
    ("Aaa bbb ccc ddd eee fff ggg.\n\nHhh No.\n\n5 iii jjj kkk lll mmm", 40, [(0, 30), (30, 60)]),  # a sentence end, not "No."
    ("word word word. Next line\ngoes on here and on", 30, [(0, 26), (26, 45)]),  # no blank line: a line end
])
def test_piece_bounds(text, limit, cuts):
    assert piece_bounds(text, limit) == cuts


def test_pieces_tile_any_text():
    text = "\n\n".join(PARAGRAPHS * 40)
    for limit in (50, 333, 1000, 10**6):
        bounds = piece_bounds(text, limit)
        assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
        assert "".join(text[a:b] for a, b in bounds) == text


def test_joined_doc_keeps_offsets_and_sentence_starts():
    from extractor.pipeline import load_pipeline

    text = "\n\n".join(PARAGRAPHS * 5)
    doc = parse(load_pipeline(), text, piece_chars=300)
    assert doc.text == text
    starts = {s.start_char for s in doc.sents}
    assert all(a in starts for a, _ in piece_bounds(text, 300))


def _facts(source, piece_chars):
    parse_at = functools.partial(parse, piece_chars=piece_chars)
    original = extract.parse
    extract.parse = parse_at
    try:
        return extract.extract_source(source, source_name="x", doc_id="x")
    finally:
        extract.parse = original


def test_cut_and_uncut_invented_filing_give_the_same_facts():
    from extractor.ingest.source import PageSpan, SourceText

    text = "\n\n".join(PARAGRAPHS * 6)
    source = SourceText(text=text, pages=[PageSpan(1, 0, len(text))], media_type="text/plain", has_pages=False)
    whole = _facts(source, 10**9)
    assert len(whole["facts"]) > 40
    assert _facts(source, 400) == whole


@needs_corpus
@pytest.mark.parametrize("name", ["opinion_scotus_fisher_v_ut_austin.txt", "order_ndcal_tessera_v_toshiba_msj.pdf"])
def test_cut_and_uncut_corpus_documents_give_the_same_facts(name):
    source, _ = read_file(CORPUS / name, IngestSettings(ocr=False))
    assert len(piece_bounds(source.text)) > 1  # the default piece size cuts these
    assert _facts(source, 10**9) == _facts(source, PIECE_CHARS)


@needs_corpus
def test_same_bytes_under_two_hash_seeds(tmp_path):
    """PYTHONHASHSEED once decided which eyecite extractor won ("81 T.C. 828" or "821") and which alias
    claimed a surname: the batch output is now byte-identical under different seeds and --jobs."""
    files = [str(CORPUS / n) for n in ("opinion_tax_court_bordelon_memo.pdf", "order_ndcal_tessera_v_toshiba_msj.pdf",
                                       "decision_bva_ptsd_tdiu.txt", "docket_ddc_us_v_manafort_criminal.html")]
    outs = []
    for seed, jobs in (("1", "1"), ("7", "2")):
        out = tmp_path / f"seed{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "extractor", "batch", *files, "-o", str(out), "--no-ocr",
                        "--no-progress", "--jobs", jobs], cwd=ROOT, env=env, check=True, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    lines = [json.loads(line) for line in outs[0].decode().splitlines()]
    assert len(lines) == 4 and all("error" not in line for line in lines)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "a", "x" * 700, "word " * 400])  # empty, blank, no space at all
def test_odd_texts_parse_back_to_themselves(text):
    from extractor.pipeline import load_pipeline

    doc = parse(load_pipeline(), text, piece_chars=300)
    assert doc.text == text
    if " " in text or not text:  # cut at spaces: the tokens of the whole text
        assert [t.text for t in doc] == [t.text for t in load_pipeline().make_doc(text)]
