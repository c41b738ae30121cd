"""Choosing by number: the one place a typed number picks an item of a numbered list (the
choices of a question, the parts of the overview, the open points, an unfinished session, a
list item to edit)."""

from __future__ import annotations

from collections.abc import Callable


def number(typed: str, count: int) -> int | None:
    """The place (from 0) of the item that a typed number from 1 to `count` names, else None.
    Only plain digits count: '²' is a digit to Python but not a number anyone picks."""
    typed = typed.strip()
    return int(typed) - 1 if typed.isdecimal() and 1 <= int(typed) <= count else None


def numbers(typed: str, count: int) -> list[int] | None:
    """The places of several numbers (separated by spaces or commas), or None when one of them
    names no item. A line break separates nothing: a pasted block is refused, not read as picks."""
    places = [number(part, count) for part in typed.replace(",", " ").split(" ") if part.strip()]
    return None if any(p is None for p in places) else [p for p in places if p is not None]


def choose(read: Callable[[], str], count: int, wrong: Callable[[], None], empty: int | None = None) -> int | None:
    """Read until a number from 1 to `count` (its place) or Enter (`empty`); after anything
    else `wrong` says so and the question is asked again."""
    while True:
        typed = read().strip()
        if not typed:
            return empty
        place = number(typed, count)
        if place is not None:
            return place
        wrong()
