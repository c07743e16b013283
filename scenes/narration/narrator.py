"""Speak a beat: its note split into caption cues, each cue spoken as its own clip.

A beat's speech starts with the beat. Its cues follow one another, each on screen
exactly while it is spoken (at least :data:`~scenes.narration.captions.MIN_SECONDS`), with a
short pause between them; a cue that would take longer than
:data:`~scenes.narration.captions.MAX_SECONDS` to say is split in two and spoken as two. The
beat then lasts as long as its speech plus :data:`BREATH` (or its animations, if
longer): the scene waits for the voice.

A teacher's recording (:mod:`scenes.narration.recordings`) replaces the voice for its
beat; its cues are placed on the recording's own pauses.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from scenes.narration.align import ALIGNER, align_words
from scenes.narration.audio import (
    PEAK_CEILING,
    TARGET_LUFS,
    Clip,
    normalize,
    trim_silence,
    voiced_spans,
)
from scenes.narration.cache import SpeechCache, default_cache_dir
from scenes.narration.captions import (
    MAX_SECONDS,
    MIN_SECONDS,
    Cue,
    split_note,
    wrap_cue,
)
from scenes.narration.marks import share_time
from scenes.narration.recordings import (
    ENV_VOICE_DIR,
    Recordings,
    check_length,
    read_recording,
)
from scenes.narration.spoken import spoken_form
from scenes.narration.voices import Voice, get_voice
from scenes.perf.fingerprint import file_digest

__all__ = [
    "BREATH",
    "CUE_PAUSE",
    "ENV_NARRATION",
    "BeatSpeech",
    "Narrator",
    "narration_enabled",
]

ENV_NARRATION = "NARRATION"
BREATH = 0.4
"""Seconds of quiet after a beat's last word before the next beat starts."""
CUE_PAUSE = 0.2
"""Seconds between two cues of one beat (a sentence or clause break)."""
ESTIMATED_WPM = 160.0
"""Words a minute assumed for a beat whose speech is not made (a still, a dry run)."""


def narration_enabled() -> bool:
    """``NARRATION`` (default ``on``): whether the lecture is spoken."""
    raw = os.environ.get(ENV_NARRATION, "on").strip().lower()
    if raw in ("on", "1", "yes", "true", ""):
        return True
    if raw in ("off", "0", "no", "false"):
        return False
    raise ValueError(f"{ENV_NARRATION}={raw!r}: use on or off")


@dataclass(frozen=True)
class BeatSpeech:
    """What is heard in one beat, in seconds from the beat's start.

    ``cues`` are the caption cues (on screen while spoken); ``clips`` the sound and
    where it starts; ``duration`` when the last word ends.
    """

    cues: tuple[Cue, ...]
    clips: tuple[tuple[float, Clip], ...]
    duration: float
    source: str  # "voice", "recording" or "estimate"
    marks: Mapping[str, float] = field(default_factory=dict)
    """When each mark's word starts, in seconds from the beat's start."""


@dataclass
class Narrator:
    """Makes each beat's speech, from the cache, the voice or a teacher's recording.

    Parameters
    ----------
    voice : Voice
        Speaks what no recording covers.
    cache : SpeechCache
        Where spoken clips are kept.
    recordings : Recordings, optional
        A teacher's recordings (``VOICE_DIR``).
    live : bool
        Make speech that is not cached yet. Off, a missing clip's length is estimated
        from its words (for stills and dry runs, where nothing is heard).
    log : callable
        Receives progress lines.
    """

    voice: Voice
    cache: SpeechCache
    recordings: Recordings | None = None
    live: bool = True
    log: Callable[[str], None] = field(default=lambda line: print(line, file=sys.stderr))
    synthesized: int = 0
    aligned: int = 0
    cpu_seconds: float = 0.0

    @classmethod
    def from_environment(cls, *, live: bool, modules: set[str] | None = None) -> Narrator | None:
        """The narrator ``NARRATION``, ``BACKPROP_VOICE`` and ``VOICE_DIR`` ask for.

        None when ``NARRATION=off``.
        """
        if not narration_enabled():
            return None
        voice = get_voice()
        folder = os.environ.get(ENV_VOICE_DIR)
        recordings = Recordings.scan(Path(folder), modules) if folder else None
        # The stand-in costs nothing: always make its sound, so dry runs time it too.
        live = live or getattr(voice, "instant", False)
        return cls(voice, SpeechCache(default_cache_dir()), recordings, live)

    @property
    def level(self) -> dict[str, float]:
        """The loudness every clip is brought to (part of each clip's cache key)."""
        return {"lufs": TARGET_LUFS, "peak": PEAK_CEILING}

    def _clip(self, text: str) -> tuple[str, Clip | None]:
        """The cache key and spoken clip of ``text``: cached, made now, or None (not live)."""
        key = SpeechCache.key(self.voice.name, self.voice.settings, text, self.level)
        clip = self.cache.get(key)
        if clip is None and self.live:
            started = time.process_time()
            clip = trim_silence(normalize(self.voice.synthesize(text)))
            self.cpu_seconds += time.process_time() - started
            self.synthesized += 1
            self.cache.put(key, clip)
        return key, clip

    @staticmethod
    def _say(text: str, say: Mapping[str, str]) -> str:
        """``text`` as the voice is given it: ``say``'s phrases, then the spoken form."""
        for written, said in say.items():
            text = text.replace(written, said)
        return spoken_form(text)

    def _spoken_cues(self, text: str, say: Mapping[str, str]) -> list[_Part]:
        """The spoken parts of one caption cue, split in two if too long to say."""
        plain = " ".join(text.split())
        spoken = self._say(plain, say)
        key, clip = self._clip(spoken)
        seconds = (
            clip.duration if clip is not None else len(spoken.split()) * 60 / ESTIMATED_WPM
        )
        words = plain.split()
        if seconds > MAX_SECONDS and len(words) > 1:
            half = _balanced_cut(words)
            return [
                *self._spoken_cues(" ".join(words[:half]), say),
                *self._spoken_cues(" ".join(words[half:]), say),
            ]
        return [_Part(wrap_cue(plain) or plain, plain, spoken, key, clip, seconds)]

    def speak(
        self,
        key: str,
        note: str,
        say: Mapping[str, str] | None = None,
        marks: Mapping[str, int] | None = None,
    ) -> BeatSpeech:
        """The speech of beat ``key`` (``s05_chain_rule-03``) whose note is ``note``.

        ``say`` maps written phrases of the note to how they are said, where the rules
        of :func:`~scenes.narration.spoken.spoken_form` read them unnaturally. ``marks``
        maps mark names to the index of the word of ``note`` they precede
        (:mod:`scenes.narration.marks`); the speech says when each of those words starts.
        """
        say, marks = say or {}, marks or {}
        path = self.recordings.for_beat(key) if self.recordings else None
        if path is not None:
            return self._recorded(path, note, say, marks)
        before = self.synthesized
        parts = [part for text in split_note(note) for part in self._spoken_cues(text, say)]
        cues, clips, times, t, first = [], [], {}, 0.0, 0
        for part in parts:
            shown = max(part.seconds, MIN_SECONDS)
            cues.append(Cue(t, t + shown, part.cue))
            if part.clip is not None:
                clips.append((t, part.clip))
            n = len(part.plain.split())
            for name, index in marks.items():
                if first <= index < first + n:
                    times[name] = t + self._word_start(key, part, index - first, say)
            first += n
            t += shown + CUE_PAUSE
        end = t - CUE_PAUSE
        times.update({name: end for name, index in marks.items() if index >= first})
        if self.synthesized > before:
            self.log(
                f"narration: {key}: {self.synthesized - before} clip(s) synthesized"
                f" ({end:.1f} s of speech)"
            )
        source = "voice" if all(p.clip is not None for p in parts) else "estimate"
        return BeatSpeech(tuple(cues), tuple(clips), end, source, times)

    def _word_start(self, beat: str, part: _Part, index: int, say: Mapping[str, str]) -> float:
        """When word ``index`` of one spoken part starts, in seconds from the part's start.

        The written word is found in the spoken text by speaking the words before it;
        its time comes from the voice itself when it knows it (the stand-in), else from
        aligning the clip with its text (cached), else from the words' share.
        """
        spoken = part.spoken.split()
        at = self._spoken_index(part.plain.split(), index, say, len(spoken))
        if at >= len(spoken):
            return part.seconds
        if part.clip is None:
            return share_time(spoken, at, part.seconds)
        own = getattr(self.voice, "word_starts", None)
        starts = own(part.spoken) if own is not None else self._aligned(part.key, part.clip, spoken)
        if starts is None:
            self.log(
                f"narration: {beat}: could not align the speech with its words;"
                " a mark is placed at its word's share of the clip"
            )
            return share_time(spoken, at, part.clip.duration)
        return starts[at]

    def _spoken_index(
        self, written: list[str], index: int, say: Mapping[str, str], words: int
    ) -> int:
        """Where written word ``index`` falls among the ``words`` words the voice says.

        The words before it are turned into their spoken form and counted (notation
        such as ``∂C0/∂w`` is said in several words).
        """
        return min(len(self._say(" ".join(written[:index]), say).split()), words)

    def _aligned(self, key: str, clip: Clip, words: list[str]) -> list[float] | None:
        """Word starts of a clip whose cache key is ``key``: aligned once, then cached."""
        align_key = SpeechCache.key(ALIGNER, {"clip": key}, " ".join(words), {})
        cached = self.cache.get_words(align_key)
        if cached is not None:
            return cached or None
        started = time.process_time()
        starts = align_words(clip, words)
        self.cpu_seconds += time.process_time() - started
        self.aligned += 1
        self.cache.put_words(align_key, starts or [])
        return starts

    def _recorded(
        self, path: Path, note: str, say: Mapping[str, str], marks: Mapping[str, int]
    ) -> BeatSpeech:
        """A teacher's recording: cues on its own pauses, marks aligned with its words."""
        clip = trim_silence(normalize(read_recording(path)))
        check_length(clip, path, len(note.split()) / 2.5)
        texts = split_note(note)
        cues = _cues_on_pauses(texts, clip)
        duration = max(clip.duration, cues[-1].end if cues else 0.0)
        times: dict[str, float] = {}
        if marks:
            written = note.split()
            spoken = self._say(note, say).split()
            digest = SpeechCache.key("recording", {}, file_digest(path), {})
            starts = self._aligned(digest, clip, spoken)
            if starts is None:
                self.log(
                    f"narration: {path.name}: could not align the recording with its"
                    " note; its marks are placed at their words' share of it"
                )
            for name, index in marks.items():
                at = self._spoken_index(written, index, say, len(spoken))
                if at >= len(spoken):
                    times[name] = clip.duration
                elif starts is None:
                    times[name] = share_time(spoken, at, clip.duration)
                else:
                    times[name] = starts[at]
        return BeatSpeech(tuple(cues), ((0.0, clip),), duration, "recording", times)

    def summary(self) -> str:
        """One line for the render log: what this process synthesized."""
        return (
            f"narration: {self.synthesized} cue(s) synthesized, {self.aligned} aligned,"
            f" {self.cpu_seconds:.1f} CPU-s"
        )


@dataclass(frozen=True)
class _Part:
    """One spoken piece of a beat: a caption cue, or half of one too long to say."""

    cue: str  # as the caption shows it (wrapped)
    plain: str  # the written words
    spoken: str  # what the voice is given
    key: str  # the clip's cache key
    clip: Clip | None
    seconds: float


def _balanced_cut(words: list[str]) -> int:
    """Where to cut ``words`` in two of about equal length (characters)."""
    total = len(" ".join(words))
    return min(
        range(1, len(words)),
        key=lambda i: abs(2 * len(" ".join(words[:i])) - total),
    )


def _cues_on_pauses(texts: list[str], clip: Clip) -> list[Cue]:
    """Time ``texts`` over a recording: shares by length, each cut moved to a pause.

    The recording's voiced stretches give the pauses; the cut between two cues goes to
    the middle of the pause nearest to where the cue lengths put it (if one is within a
    second). Each cue then lasts from its first word to its last, at least
    :data:`MIN_SECONDS`, never past the next one's start.
    """
    spans = voiced_spans(clip, min_pause=0.15)
    end = clip.duration
    weights = np.array([len(t.replace("\n", " ")) for t in texts], dtype=float)
    cuts = list(np.cumsum(weights)[:-1] / weights.sum() * end)
    pauses = [(a[1] + b[0]) / 2 for a, b in zip(spans, spans[1:])]
    for i, cut in enumerate(cuts):
        near = [p for p in pauses if abs(p - cut) < 1.0]
        if near:
            cuts[i] = min(near, key=lambda p: abs(p - cut))
    bounds = [0.0, *sorted(cuts), end]
    cues = []
    for i, text in enumerate(texts):
        start = bounds[i] if i == 0 else max(bounds[i], cues[-1].end)
        stop = max(bounds[i + 1], start + MIN_SECONDS)
        cues.append(Cue(start, min(stop, start + MAX_SECONDS), text))
    return cues
