"""Marks in a speaker note: the words the picture waits for.

A mark is a name in square brackets placed just before the word it belongs to::

    with self.beat("Now [nudge] nudge the weight a little. [ripple] The weighted sum
                    shifts, and the cost with it."):
        self.wait_until_mark("nudge")
        self.play(...)

The scene waits until the voice reaches that word, so the animation starts on it (see
:meth:`scenes.kit.beats.LectureScene.wait_until_mark`). A mark name is an
identifier (``nudge``, ``row_2``, ``C``); anything else in brackets (``[0, 1]``) is
left as text. Marks are
taken out of the note before it is shown or spoken: captions, slide notes, the PPTX and
the voice never see them. The voice script (``make voice-script``) keeps them, so a
teacher reading it knows where the picture changes.

Pure text (no Manim), so the rules are easy to test:

>>> note = parse_note("Now [nudge] nudge the weight. [ripple] The sum shifts.")
>>> note.text
'Now nudge the weight. The sum shifts.'
>>> note.marks
{'nudge': 1, 'ripple': 4}
>>> note.text.split()[note.marks["ripple"]]
'The'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = [
    "MARK",
    "MarkError",
    "MarkedNote",
    "parse_note",
    "share_time",
    "strip_marks",
]

MARK = re.compile(r"\[([A-Za-z][A-Za-z0-9_]*)\]")
"""A mark: ``[name]`` with an identifier for a name (a letter, then letters, digits, _)."""


class MarkError(ValueError):
    """A mark is placed twice, or waited for but not placed; the message names it."""


@dataclass(frozen=True)
class MarkedNote:
    """A note without its marks, and where each mark falls.

    Attributes
    ----------
    text : str
        The note as shown and spoken: marks removed, white space collapsed.
    marks : dict of str to int
        Each mark's word index in ``text``: the mark comes just before that word
        (``len(text.split())`` for a mark after the last word).
    """

    text: str
    marks: dict[str, int] = field(default_factory=dict)

    @property
    def words(self) -> list[str]:
        """The note's words, as the marks count them."""
        return self.text.split()


def parse_note(note: str, where: str = "the note") -> MarkedNote:
    """Take the marks out of ``note`` and note the word each one precedes.

    Parameters
    ----------
    note : str
        A speaker note, possibly with marks (``[name]``).
    where : str
        Names the note in errors, e.g. ``"s04_nudges beat 02"``.

    Raises
    ------
    MarkError
        If a mark is placed twice.

    >>> parse_note("[start] Give each number its own line. [end]").marks
    {'start': 0, 'end': 6}
    >>> parse_note("[a] one [a] two", "s01 beat 00")
    Traceback (most recent call last):
    ...
    scenes.narration.marks.MarkError: s01 beat 00: the mark [a] is placed twice
    """
    words: list[str] = []
    marks: dict[str, int] = {}
    for token in note.split():
        # A mark may touch its word ("[z]z" or "word[z]") as well as stand alone.
        pos = 0
        for match in MARK.finditer(token):
            before = token[pos : match.start()]
            if before:
                words.append(before)
            name = match.group(1)
            if name in marks:
                raise MarkError(f"{where}: the mark [{name}] is placed twice")
            marks[name] = len(words)
            pos = match.end()
        rest = token[pos:]
        if rest:
            words.append(rest)
    return MarkedNote(" ".join(words), marks)


def strip_marks(note: str) -> str:
    """``note`` as shown and spoken: without its marks.

    >>> strip_marks("The cost [c] falls.")
    'The cost falls.'
    """
    return parse_note(note).text


def share_time(words: Sequence[str], index: int, duration: float) -> float:
    """When word ``index`` starts if ``words`` share ``duration`` by their length.

    Each word counts its letters plus two (a short word still takes time to say), so
    the result follows the reading time, not only the word count; deterministic.

    >>> share_time(["one", "two", "three"], 2, 17.0)  # weights 5, 5, 7
    10.0
    >>> share_time(["one", "two"], 2, 4.0)
    4.0
    """
    weights = [len(w) + 2 for w in words]
    total = sum(weights)
    if total == 0:
        return 0.0
    return duration * sum(weights[:index]) / total
