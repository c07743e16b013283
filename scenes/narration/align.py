"""When each word of a clip is said: forced alignment of speech with its known text.

The picture waits for marked words (:mod:`scenes.narration.marks`), so the scene needs the
time each word starts in the clip that speaks it. The text is known (the voice was given
it, or the teacher read the voice script), so this is *forced alignment*, not
recognition: pocketsphinx (BSD, with its own US English model; the ``voice`` extra
installs it) is told the words and finds where they fall.

Words pocketsphinx's dictionary lacks (rare names, digits) are left out of the
alignment and placed between their aligned neighbours by their length, so every word
gets a time. When too few words are known, or the decoder finds no path through the
words, :func:`align_words` returns None and the caller falls back to the words' share of
the clip (:func:`scenes.narration.marks.share_time`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import cache

import numpy as np

from scenes.narration.audio import Clip

__all__ = ["ALIGNER", "AlignmentUnavailableError", "align_words", "tokens"]

ALIGNER = "pocketsphinx-5-en-us/1"
"""Names the aligner and its settings (part of the cache key of an alignment)."""
_RATE = 16_000
_FRAMES_PER_SECOND = 100  # pocketsphinx's frame rate
_MIN_KNOWN = 0.6
"""The least share of a clip's words the dictionary must know for an alignment."""


class AlignmentUnavailableError(RuntimeError):
    """pocketsphinx is not installed; the message says how to get it."""


def tokens(word: str) -> list[str]:
    """The dictionary words a written word is said as (lower case, no punctuation).

    >>> tokens("Weight's,")
    ["weight's"]
    >>> tokens("fire-together")
    ['fire', 'together']
    >>> tokens("—")
    []
    """
    return re.findall(r"[a-z]+(?:'[a-z]+)?", word.lower())


@cache
def _decoder():  # pragma: no cover - trivial
    """One decoder per process (loading its model costs 0.1 s); each alignment resets it."""
    try:
        from pocketsphinx import Decoder
    except ImportError:
        raise AlignmentUnavailableError(
            'timing the marks needs pocketsphinx: pip install -e ".[voice]"'
            " (make setup does)"
        ) from None
    return Decoder(lm=None, logfn=os.devnull)


def _pcm(clip: Clip) -> bytes:
    from scipy.signal import resample_poly

    audio = resample_poly(clip.samples.astype(np.float64), _RATE, clip.rate)
    return (np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes()


def align_words(clip: Clip, words: Sequence[str]) -> list[float] | None:
    """The time, in seconds from the clip's start, at which each of ``words`` starts.

    Parameters
    ----------
    clip : Clip
        The speech.
    words : sequence of str
        What it says, word by word, as written for the voice (punctuation allowed).

    Returns
    -------
    list of float or None
        One start time per word, non-decreasing; None when the alignment fails.
    """
    if not words:
        return []
    decoder = _decoder()
    # (word index, dictionary token) for every token the dictionary knows.
    known: list[tuple[int, str]] = []
    total = 0
    for i, word in enumerate(words):
        for token in tokens(word):
            total += 1
            if decoder.lookup_word(token) is not None:
                known.append((i, token))
    if not known or len(known) < _MIN_KNOWN * max(total, 1):
        return None
    try:
        decoder.set_align_text(" ".join(t for _, t in known))
        decoder.start_utt()
        decoder.process_raw(_pcm(clip), full_utt=True)
        decoder.end_utt()
        found = decoder.seg() if decoder.hyp() is not None else None
    except RuntimeError:
        return None
    if found is None:  # no path through the words: not this text, or not speech
        return None
    segments = [s for s in found if s.word not in ("<s>", "</s>", "<sil>", "(NULL)")]
    if len(segments) != len(known):
        return None
    starts: dict[int, float] = {}
    for (i, _), seg in zip(known, segments):
        starts.setdefault(i, seg.start_frame / _FRAMES_PER_SECOND)
    return _fill(words, starts, clip.duration)


def _fill(words: Sequence[str], starts: dict[int, float], end: float) -> list[float]:
    """Every word's start: aligned ones as found, the rest shared by length between."""
    anchors = sorted(starts.items())
    times: list[float] = []
    for i in range(len(words)):
        if i in starts:
            times.append(starts[i])
            continue
        before = max(((j, t) for j, t in anchors if j < i), default=(-1, 0.0))
        after = min(((j, t) for j, t in anchors if j > i), default=(len(words), end))
        span = list(words[before[0] + 1 : after[0]])
        weights = [len(w) + 2 for w in span]
        lead = sum(weights[: i - before[0] - 1])
        # The word after the left anchor starts once that anchor's word is said.
        left = before[1]
        if before[0] >= 0:
            left_word = words[before[0]]
            share = (len(left_word) + 2) / (sum(weights) + len(left_word) + 2)
            left += share * (after[1] - before[1])
        times.append(left + (after[1] - left) * lead / max(sum(weights), 1))
    return list(np.maximum.accumulate(times)) if times else times
