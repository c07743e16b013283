"""Captions from speaker notes: split a beat's note into cues and time them in the beat.

Pure text and arithmetic (no Manim), so the rules are easy to test:

* a cue is at most :data:`MAX_LINES` lines of at most :data:`LINE_WIDTH` characters;
* a note is split at sentence ends first, then at clause boundaries (``,;:`` and dashes),
  and only a clause too long for one cue is split between words;
* the cues of a beat follow each other inside the beat, in order, never overlapping,
  each on screen between :data:`MIN_SECONDS` and :data:`MAX_SECONDS`, for a time
  proportional to its length, and together they hold every word of the note.

>>> cues = beat_cues("First the output. Then the cost of this one example.", 2.0, 8.0)
>>> [(round(c.start, 2), round(c.end, 2), c.text) for c in cues]
[(2.0, 4.28, 'First the output.'), (4.28, 8.0, 'Then the cost of this one example.')]

The 6 s beat is shared by length (plus 10 characters each): 6 * 27 / 71 = 2.28 s.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = [
    "LINE_WIDTH",
    "MAX_LINES",
    "MAX_SECONDS",
    "MIN_SECONDS",
    "Cue",
    "beat_cues",
    "split_note",
    "time_cues",
    "wrap_cue",
]

LINE_WIDTH = 42
"""Characters per caption line (the common broadcast and web limit)."""
MAX_LINES = 2
"""Lines per caption cue."""
MIN_SECONDS = 1.0
"""The least time a cue stays on screen."""
MAX_SECONDS = 7.0
"""The most time a cue stays on screen."""

_PHRASE_BONUS = 8
"""Characters of line-length balance given up to break a cue after a clause mark."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CLAUSE_END = re.compile(r"(?<=[,;:])\s+|(?<=\s[—–])\s+")


@dataclass(frozen=True)
class Cue:
    r"""One caption: its text (lines joined by ``\n``) and when it is on screen, in s."""

    start: float
    end: float
    text: str

    @property
    def duration(self) -> float:
        """Seconds on screen."""
        return self.end - self.start


def wrap_cue(text: str, width: int = LINE_WIDTH) -> str | None:
    """Lay ``text`` out in at most two balanced lines of ``width``; None if it cannot.

    >>> wrap_cue("how z responds to w, how a responds to z,")
    'how z responds to w, how a responds to z,'
    >>> print(wrap_cue("the slope of the activation function at z, how much of it"))
    the slope of the activation
    function at z, how much of it
    """
    words = text.split()
    one = " ".join(words)
    if len(one) <= width:
        return one
    best: tuple[int, str] | None = None
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if len(first) <= width and len(second) <= width:
            # Balanced lines, but a break after a comma or colon reads better.
            score = max(len(first), len(second)) - _PHRASE_BONUS * (
                first[-1] in ",;:—–"
            )
            if best is None or score < best[0]:
                best = (score, f"{first}\n{second}")
    return None if best is None else best[1]


def _fits(text: str) -> bool:
    return wrap_cue(text) is not None


def _split_words(text: str) -> list[str]:
    """Split ``text`` between words into the fewest, evenly long pieces that fit a cue."""
    words = text.split()
    # A word longer than a line is cut into line-sized pieces (never happens in prose).
    words = [w[i : i + LINE_WIDTH] for w in words for i in range(0, len(w), LINE_WIDTH)]
    pieces = math.ceil(len(" ".join(words)) / (LINE_WIDTH * MAX_LINES - 8))
    while True:
        target = len(" ".join(words)) / pieces
        chunks: list[list[str]] = [[]]
        for word in words:
            current = " ".join(chunks[-1])
            if chunks[-1] and len(current) + 1 + len(word) / 2 > target:
                chunks.append([])
            chunks[-1].append(word)
        texts = [" ".join(c) for c in chunks]
        if all(_fits(t) for t in texts):
            return texts
        pieces += 1


def _pack(pieces: list[str]) -> list[str]:
    """Join consecutive pieces greedily while the result still fits one cue."""
    cues: list[str] = []
    for piece in pieces:
        if cues and _fits(f"{cues[-1]} {piece}"):
            cues[-1] = f"{cues[-1]} {piece}"
        else:
            cues.append(piece)
    return cues


def split_note(note: str) -> list[str]:
    r"""Split a speaker note into cue texts, each laid out in at most two lines.

    Sentences stay whole when they fit; a longer sentence is split at its clause
    boundaries, and a clause still too long between words. Short neighbours within a
    sentence are packed back together, so no cue is needlessly small.

    >>> for cue in split_note("Second factor: the slope of the activation function at "
    ...                       "z, how much of a small change in z the sigmoid lets "
    ...                       "through. That is all."):
    ...     print(cue, end="\n--\n")
    Second factor: the slope of
    the activation function at z,
    --
    how much of a small change in
    z the sigmoid lets through.
    --
    That is all.
    --
    """
    cues: list[str] = []
    for sentence in _SENTENCE_END.split(" ".join(note.split())):
        if not sentence:
            continue
        if _fits(sentence):
            cues.append(sentence)
            continue
        clauses: list[str] = []
        for clause in _CLAUSE_END.split(sentence):
            clauses.extend([clause] if _fits(clause) else _split_words(clause))
        cues.extend(_pack(clauses))
    return [wrap_cue(c) or c for c in cues]


def _durations(weights: list[float], total: float) -> list[float]:
    """Share ``total`` in proportion to ``weights``, each share within the cue limits."""
    n = len(weights)
    if total < n * MIN_SECONDS - 1e-9:
        raise ValueError(
            f"{n} caption cue(s) need at least {n * MIN_SECONDS:g} s, but the beat"
            f" lasts {total:.2f} s"
        )
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(n) if i not in fixed]
        left = total - sum(fixed.values())
        weight = sum(weights[i] for i in free)
        shares = {i: left * weights[i] / weight for i in free}
        short = [i for i in free if shares[i] < MIN_SECONDS]
        if not short:
            break
        fixed.update({i: MIN_SECONDS for i in short})
    shares.update(fixed)
    return [min(shares[i], MAX_SECONDS) for i in range(n)]


def time_cues(texts: list[str], start: float, end: float) -> list[Cue]:
    """Time cue ``texts`` one after another inside the beat ``[start, end]`` (seconds).

    Each cue gets a share of the beat proportional to its length (at least
    :data:`MIN_SECONDS`, at most :data:`MAX_SECONDS`). When the beat is longer than the
    cues may last, the spare time is spread as equal gaps after each cue.

    Raises
    ------
    ValueError
        If the beat is too short to show every cue for :data:`MIN_SECONDS`.
    """
    if not texts:
        return []
    durations = _durations([len(t) + 10.0 for t in texts], end - start)
    gap = (end - start - sum(durations)) / len(texts)
    cues, t = [], start
    for text, duration in zip(texts, durations):
        cues.append(Cue(t, min(t + duration, end), text))
        t += duration + gap
    return cues


def beat_cues(note: str, start: float, end: float) -> list[Cue]:
    """The caption cues of one beat: ``note`` split and timed inside ``[start, end]``."""
    return time_cues(split_note(note), start, end)
