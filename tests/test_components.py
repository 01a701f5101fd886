"""The spaCy components in spaCy's own test style: a pipeline, ``add_pipe`` with config, spans asserted."""
from __future__ import annotations

import spacy

import extractor.components  # noqa: F401  (registers the factories; an installed package does it by entry point)
from extractor.components import LEGAL_PIPES, add_legal_pipes, facts_from_doc
from extractor.pipeline import BASE_MODEL, load_pipeline

DOCKET = ("UNITED STATES DISTRICT COURT\nDISTRICT OF OREGON\n\nMARIA ALVAREZ, Plaintiff,\nv.\n"
          "CASCADE FREIGHT LLC, Defendant.\n\nCase No. 3:22-cv-01457\n\nORDER\n\n"
          "On June 2, 2023, the Court GRANTS Defendant's motion to dismiss Count II. See 42 U.S.C. § 1983. "
          "The clerk shall close the case within 14 days.")


def test_a_stage_in_a_blank_pipeline_finds_pattern_facts():
    nlp = spacy.blank("en")
    nlp.add_pipe("legal_dates", config={"anchor_date": "2024-03-01"})
    doc = nlp("The reply is due tomorrow, and the hearing is set for next Friday.")
    spans = list(doc.spans["legal_dates"])
    # no date in the text: relative dates resolve against the configured one (a Friday)
    assert [(s.text, s._.value, s.label_) for s in spans] == [("tomorrow", "2024-03-02", "date"),
                                                              ("next Friday", "2024-03-08", "date")]
    assert spans[0]._.relative is True and spans[0].id_ == "date-1" and spans[0]._.fact["type"] == "date"
    assert (doc._.anchor_date, doc._.anchor_date_source) == ("2024-03-01", "user")
    assert [s._.value for s in nlp("It was filed on March 3, 2021.").spans["legal_dates"]] == ["2021-03-03"]


def test_every_stage_in_the_small_english_pipeline():
    nlp = add_legal_pipes(spacy.load(BASE_MODEL))
    assert nlp.pipe_names[-len(LEGAL_PIPES):] == list(LEGAL_PIPES)
    doc = nlp(DOCKET)
    assert doc._.case["caption"] == "Maria Alvarez v. Cascade Freight LLC"
    assert doc._.case["docket_number"] == "3:22-cv-01457"
    assert {(s.text, s._.role) for s in doc.spans["legal_parties"]} == {
        ("MARIA ALVAREZ", "plaintiff"), ("CASCADE FREIGHT LLC", "defendant"),
        ("UNITED STATES DISTRICT COURT\nDISTRICT OF OREGON", "court")}
    assert [s._.value for s in doc.spans["legal_dates"]] == ["2023-06-02"]
    assert [s.text for s in doc.spans["legal_citations"]] == ["42 U.S.C. § 1983"]
    assert [s._.action for s in doc.spans["legal_orders"]][:1] == ["grant"]
    assert [(s._.value, s._.unit) for s in doc.spans["legal_quantities"]] == [(14.0, "days")]
    # the docket number is reserved: it is no quantity or date
    assert all("01457" not in s.text for s in doc.spans["legal_quantities"])


def test_min_confidence_keeps_low_facts_off_the_doc():
    nlp = add_legal_pipes(spacy.load(BASE_MODEL))
    everything = {s.text for s in nlp(DOCKET).spans["legal_quantities"]}
    nlp.remove_pipe("legal_quantities")
    nlp.add_pipe("legal_quantities", config={"min_confidence": 1.0})
    assert everything and not list(nlp(DOCKET).spans["legal_quantities"])


def test_our_extraction_runs_these_components():
    nlp = load_pipeline()
    assert nlp.pipe_names[-len(LEGAL_PIPES):] == list(LEGAL_PIPES)
    from extractor import extract_text

    result = extract_text(DOCKET)
    doc = nlp(DOCKET)
    assert [(f["id"], f["text"]) for f in facts_from_doc(doc)] == [(f["id"], f["text"]) for f in result["facts"]]


def test_pipe_with_two_processes_gives_the_same_spans():
    nlp = spacy.load(BASE_MODEL)
    nlp.add_pipe("legal_dates", config={"anchor_date": "2024-03-01"})
    texts = ["Sentencing is set for May 9, 2024.", "The plea was entered yesterday.", "No date here."] * 2
    one = [[(s.text, s._.value) for s in d.spans["legal_dates"]] for d in nlp.pipe(texts)]
    two = [[(s.text, s._.value) for s in d.spans["legal_dates"]] for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert one == two == [[("May 9, 2024", "2024-05-09")], [("yesterday", "2024-02-29")], []] * 2


def test_to_disk_and_back_gives_the_same_facts(tmp_path):
    nlp = load_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert again.pipe_names == nlp.pipe_names
    assert again.get_pipe("legal_dates").anchor_date is None
    assert [(f["id"], f["text"]) for f in facts_from_doc(again(DOCKET))] == \
        [(f["id"], f["text"]) for f in facts_from_doc(nlp(DOCKET))]
    assert again("A v. B, 410 U.S. 113 (1973).").spans["legal_citations"][0]._.volume == "410"
