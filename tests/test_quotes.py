"""Quote facts: attributed quotations, continuations, reported speech, transcript turns (extractor/facts/quotes.py)."""
from __future__ import annotations

import pytest

from conftest import facts_of

CASES = [
    # (text, [(speaker, speaker_title, content, direct), ...])
    # quote then "said" + title + name
    ("“The settlement protects the air,” said Assistant Attorney General Ronald J. Tenpas.",
     [("Ronald J. Tenpas", "Assistant Attorney General", "The settlement protects the air", True)]),
    # apposition title before "said that", curly quotes over two sentences
    ("Lisa Gilbert, co-president of Public Citizen said that “this breach was part of the reason we sued. It can endanger lives.”",
     [("Lisa Gilbert", "co-president of Public Citizen", "this breach was part of the reason we sued. It can endanger lives.", True)]),
    # surname follow-up resolves to the full name; straight quotes
    ('Tom Bowman, policy counsel at the Center, spoke at noon. "Mistakes are inevitable now," Bowman said.',
     [("Tom Bowman", None, "Mistakes are inevitable now", True)]),
    # continuation quote after the attribution keeps the speaker
    ("“This case took a decade of work,” said U.S. Attorney Sayler A. Fleming. “We will pursue fraud everywhere.”",
     [("Sayler A. Fleming", "U.S. Attorney", "This case took a decade of work", True),
      ("Sayler A. Fleming", "U.S. Attorney", "We will pursue fraud everywhere.", True)]),
    # colon after "said"
    ("U.S. Attorney Damian Williams said: “Today’s guilty plea shows our commitment to fair markets.”",
     [("Damian Williams", "U.S. Attorney", "Today’s guilty plea shows our commitment to fair markets.", True)]),
    # "according to" a named person
    ("“We were never told,” according to Maria Lopez, a spokeswoman for the union.",
     [("Maria Lopez", "a spokeswoman for the union", "We were never told", True)]),
    # reported statement, no quotation marks
    ("Officer Dottie Romo stated that the IRS was only able to verify roughly 47,000 names.",
     [("Dottie Romo", "Officer", "the IRS was only able to verify roughly 47,000 names", False)]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_quotes(text, expected):
    got = facts_of(text, "quote", name="news.txt")
    assert [(q["speaker"], q["speaker_title"], q["content"], q["direct"]) for q in got] == expected
    for q in got:
        assert text[q["start_char"]:q["end_char"]] == q["text"]


@pytest.mark.parametrize("text", [
    'This Settlement Agreement (the "Agreement") binds the parties and their successors.',  # defined term
    "The statute bars any “disclosure of return information” to other agencies.",  # quoted phrase, no speaker
    "The court held that a complaint must contain “sufficient factual matter, accepted as true, to state a claim.”",  # case law
    "The agency announced that it had settled the claims.",  # announced: not a person's statement
    "“The agency acted unlawfully,” according to the complaint filed Monday.",  # a document, not a speaker
])
def test_quote_negatives(text):
    assert facts_of(text, "quote") == []


def test_transcript_turns():
    from extractor.facts import quotes

    text = "THE COURT: Please be seated.\nMR. SMITH: Thank you, Your Honor.\n"
    turns = list(quotes._TURN_RE.finditer(text))
    assert [t.group("label") for t in turns] == ["THE COURT", "MR. SMITH"]
