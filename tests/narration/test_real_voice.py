"""The real voice, end to end: the sample scene rendered at low quality with Piper.

One render (about half a minute) checks what a viewer hears: an AAC track as long as the
picture, the lecture's loudness, speech while captions are up and silence between beats,
and words a speech recognizer (pocketsphinx, US English model) can make out.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from scenes.narration.listen import decode_sound as sound
from scenes.narration.listen import recall, transcribe
from scenes.narration.spoken import spoken_form
from scenes.publish.subtitles import read_srt
from tests.media import ffprobe, loudness

ROOT = Path(__file__).resolve().parents[2]
RECALL_FLOOR = 0.6
"""Measured on the sample scene's first beat: 1.00 (every word heard); well under it."""


@dataclass(frozen=True)
class Rendered:
    video: Path
    captions: list
    log: str


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Rendered:
    """The sample scene at -ql, spoken by Piper, with a fresh cache."""
    folder = tmp_path_factory.mktemp("real-voice")
    env = dict(os.environ)
    env.update(
        BACKPROP_VOICE="piper",
        BACKPROP_NARRATION_CACHE=str(folder / "cache"),
        BACKPROP_PLAIN_SCENES="1",
        PYTHONPATH=str(ROOT),
    )
    proc = subprocess.run(
        [sys.executable, "-m", "manim", "render", "-ql", "--progress_bar", "none",
         "--disable_caching", "--media_dir", str(folder / "media"),
         str(ROOT / "tests/scenes/sample_scene.py"), "SampleScene"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    video = folder / "media/videos/sample_scene/480p15/SampleScene.mp4"
    return Rendered(video, read_srt(video.with_suffix(".srt")), proc.stderr)


def test_the_video_has_an_aac_track_as_long_as_its_picture(rendered):
    """One 48 kHz AAC stream whose duration is the video's, to a frame."""
    found = ffprobe(
        rendered.video,
        "-show_entries",
        "stream=codec_type,codec_name,sample_rate,duration,nb_frames,avg_frame_rate",
    )["streams"]
    audio = [s for s in found if s["codec_type"] == "audio"]
    video = [s for s in found if s["codec_type"] == "video"][0]
    assert len(audio) == 1 and audio[0]["codec_name"] == "aac"
    assert audio[0]["sample_rate"] == "48000"
    frame = 1 / 15
    assert abs(float(audio[0]["duration"]) - float(video["duration"])) <= frame
    assert "cue(s) synthesized" in rendered.log


def test_loudness_and_peak_are_within_bounds(rendered):
    """-16 +- 1 LUFS integrated, true peak at most -1 dBTP (ffmpeg's EBU R128 meter)."""
    lufs, peak = loudness(rendered.video)
    assert -17.0 <= lufs <= -15.0, f"integrated loudness {lufs} LUFS"
    assert peak <= -1.0, f"true peak {peak} dBTP"


def rms_db(x: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(x.astype(np.float64) ** 2) + 1e-20))


def test_speech_while_captions_show_and_silence_between(rendered):
    """Loud inside every cue; quiet in the breath after each beat's last cue."""
    pcm, rate = sound(rendered.video), 48_000
    cues = rendered.captions
    for cue in cues:
        part = pcm[int(cue.start * rate) : int(cue.end * rate)]
        assert rms_db(part) > -40, f"cue {cue.text!r} is silent"
    gaps = [(a.end + 0.05, b.start - 0.02) for a, b in zip(cues, cues[1:])]
    gaps.append((cues[-1].end + 0.05, len(pcm) / rate))
    for start, end in gaps:
        if end - start > 0.1:
            part = pcm[int(start * rate) : int(end * rate)]
            assert rms_db(part) < -55, f"sound between {start:.2f} and {end:.2f} s"


def test_a_recognizer_hears_the_first_beat(rendered):
    """pocketsphinx recovers most of the first beat's spoken words."""
    pcm, rate = sound(rendered.video), 48_000
    cues = rendered.captions
    note = "First the output activation and the cost of this one example."
    first = [c for c in cues if c.text.replace("\n", " ") in note]
    start, end = first[0].start, first[-1].end
    heard = transcribe(pcm[int(start * rate) : int(end * rate) + rate // 5], rate)
    score = recall(heard, spoken_form(note))
    print(f"recall {score:.2f}: heard {heard!r}")
    assert score >= RECALL_FLOOR, f"heard {heard!r} for {note!r} (recall {score:.2f})"
