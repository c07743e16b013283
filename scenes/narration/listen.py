"""Listen to a narrated video: transcribe its speech, cue by cue, and score it.

No one can listen on a build machine, so the narration is checked the way a listener
would: a speech recognizer (pocketsphinx, its US English model; installed with the
``dev`` extra) writes down what it hears under each caption cue, and :func:`recall` says
what share of the words the voice was given were heard. ``python -m
scenes.narration.listen VIDEO...`` prints the transcript beside the spoken text.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.signal import resample_poly

__all__ = ["decode_sound", "main", "recall", "transcribe"]

RATE = 48_000


def decode_sound(video: Path, rate: int = RATE) -> np.ndarray:
    """The first sound track of ``video`` as mono float samples at ``rate``."""
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(video), "-map", "0:a:0", "-ac", "1", "-ar",
         str(rate), "-f", "f32le", "-"],
        capture_output=True, check=True,
    ).stdout
    return np.frombuffer(raw, np.float32)


def transcribe(samples: np.ndarray, rate: int = RATE) -> str:
    """What pocketsphinx hears in ``samples`` (lower case words)."""
    try:
        from pocketsphinx import Decoder
    except ImportError:
        raise RuntimeError(
            'listening needs pocketsphinx: pip install -e ".[dev]" (make setup does)'
        ) from None
    audio = resample_poly(samples.astype(np.float64), 16_000, rate)
    pcm = (np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes()
    decoder = Decoder(samprate=16_000, logfn=os.devnull)
    decoder.start_utt()
    decoder.process_raw(pcm, full_utt=True)
    decoder.end_utt()
    return decoder.hyp().hypstr if decoder.hyp() else ""


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[a-z']+", text.lower()))


def recall(heard: str, said: str) -> float:
    """The share of the words of ``said`` (counted with repeats) found in ``heard``.

    >>> recall("the cost of this example", "the cost of this one example")
    0.8333333333333334
    """
    want, got = _words(said), _words(heard)
    return sum((want & got).values()) / max(1, sum(want.values()))


def main(argv: list[str] | None = None) -> int:
    """Print each cue's spoken text and its transcript, and each video's recall."""
    from scenes.narration.spoken import spoken_form
    from scenes.narration.srt import read_srt

    videos = [Path(v) for v in (argv if argv is not None else sys.argv[1:])]
    if not videos:
        print("usage: python -m scenes.narration.listen VIDEO.mp4 ...", file=sys.stderr)
        return 2
    for video in videos:
        samples = decode_sound(video)
        said_all, heard_all = [], []
        for cue in read_srt(video.with_suffix(".srt")):
            part = samples[int(cue.start * RATE) : int(cue.end * RATE) + RATE // 10]
            said, heard = spoken_form(cue.text.replace("\n", " ")), transcribe(part)
            said_all.append(said)
            heard_all.append(heard)
            print(f"  said:  {said}\n  heard: {heard}\n")
        score = recall(" ".join(heard_all), " ".join(said_all))
        print(f"{video.name}: recall {score:.2f} over {len(said_all)} cues\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
