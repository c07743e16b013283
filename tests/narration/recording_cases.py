"""A teacher's folder of recordings for the tests: the bad files of issue 20, and good ones.

Each case is one file in ``VOICE_DIR`` and the words its line must hold. Step 5's beat
list is seeded (five notes of 37 words: 14.8 s each, so the limit is 54.4 s) under the
scene's current fingerprint, so no test waits for a dry run unless it means to.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from scenes.lecture import SCENES
from scenes.narration import beatlist
from scenes.narration.audio import Clip, write_wav
from scenes.narration.voices import StandInVoice

STEP5 = next(e for e in SCENES if e.step == 5)
NOTE = " ".join(["word"] * 37)
"""Each seeded note of step 5: 37 words, 14.8 s at 150 words a minute."""


def speech(seconds: float) -> Clip:
    """``seconds`` of the stand-in voice's hum, as a recording would hold speech."""
    hum = StandInVoice().synthesize("how sensitive that cost is to the last weight, as one number")
    reps = int(np.ceil(seconds / hum.duration))
    return Clip(np.tile(hum.samples, reps)[: round(seconds * hum.rate)])


def good(path: Path, seconds: float = 13.3) -> None:
    write_wav(speech(seconds), path)


CASES = {
    "typo": ("s05_chian_rule-00.wav", good, "the name matches no beat of the lecture"),
    "empty": ("s05_chain_rule-01.wav", lambda p: p.write_bytes(b""), "empty (0 bytes)"),
    "silence": (
        "s05_chain_rule-02.wav",
        lambda p: write_wav(Clip(np.zeros(5 * 48_000, np.float32)), p),
        "only silence",
    ),
    "random": (
        "s05_chain_rule-03.wav",
        lambda p: p.write_bytes(np.random.default_rng(1).bytes(50_000)),
        "cannot be read as audio",
    ),
    "beat09": (
        "s05_chain_rule-09.wav",
        good,
        "s05_chain_rule has 5 beats (00 to 04); no beat has that number",
    ),
    "long": (
        "s05_chain_rule-00.wav",
        lambda p: good(p, 160.0),
        "160.0 s of speech is far longer than its note, which takes about 14.8 s to say"
        " (the limit is 54.4 s",
    ),
}


def make(folder: Path, *cases: str) -> Path:
    """``folder`` holding the files of ``cases`` (names of :data:`CASES`)."""
    folder.mkdir(parents=True, exist_ok=True)
    for case in cases:
        name, write, _ = CASES[case]
        write(folder / name)
    return folder


def seed_beats(folder: Path, entry=STEP5, notes: list[str] | None = None) -> Path:
    """Keep ``entry``'s beat notes in ``folder`` under its current fingerprint."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{entry.module}.json").write_text(
        json.dumps({"fingerprint": beatlist._key(entry), "notes": notes or [NOTE] * 5})
    )
    return folder
