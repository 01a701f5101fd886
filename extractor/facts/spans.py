"""Small helpers over character spans shared by the fact extractors."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def leftmost_longest(items: Iterable[T], bounds: Callable[[T], tuple[int, int]]) -> list[T]:
    """Keep non-overlapping items, preferring the one that starts first, then the longest.

    Args:
        items: hits of any type.
        bounds: returns an item's ``(start_char, end_char)`` (end exclusive).
    Returns:
        The kept items, in text order.
    """
    ordered = sorted(items, key=lambda it: (bounds(it)[0], -(bounds(it)[1] - bounds(it)[0])))
    kept: list[T] = []
    for item in ordered:
        if kept and bounds(item)[0] < bounds(kept[-1])[1]:
            continue
        kept.append(item)
    return kept
