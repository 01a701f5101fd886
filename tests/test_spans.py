"""extractor/facts/spans.py"""
from extractor.facts.spans import leftmost_longest


def test_leftmost_longest_keeps_first_then_longest():
    hits = [(5, 9), (0, 3), (0, 6), (7, 12), (12, 14)]
    # (0, 6) beats (0, 3) by length; (5, 9) and (7, 12) overlap the kept one; (12, 14) touches only
    assert leftmost_longest(hits, lambda h: h) == [(0, 6), (7, 12), (12, 14)]
