"""The joined lecture is narrated: one sound track, as long as the picture, in sync.

The scenes of the session's small lecture (tests/publish/conftest.py) are spoken by the
stand-in voice. Each chapter's sound must line up with its scene's own video within
45 ms: joining AAC streams by stream copy would drift at every join.
"""

from __future__ import annotations

import numpy as np

from scenes.narration.listen import decode_sound as sound
from scenes.publish.video import probe
from tests.media import ffprobe

RATE = 8_000  # enough to line up hums; cheaper to correlate
MAX_LAG = 0.045


def lag(a: np.ndarray, b: np.ndarray) -> float:
    """Seconds by which ``a`` is late against ``b`` (cross-correlation peak)."""
    n = min(len(a), len(b))
    a, b = a[:n] - a[:n].mean(), b[:n] - b[:n].mean()
    size = 1 << (2 * n - 1).bit_length()
    corr = np.fft.irfft(np.fft.rfft(a, size) * np.conj(np.fft.rfft(b, size)), size)
    shift = int(np.argmax(corr))
    if shift > size // 2:
        shift -= size
    return shift / RATE


def test_the_lecture_has_one_sound_track_as_long_as_its_picture(lecture):
    """One AAC stream; its duration is the video's to a frame; chapters and subtitles kept."""
    info = ffprobe(
        lecture.folder / "lecture.mp4",
        "-show_entries",
        "stream=codec_type,codec_name,duration",
        "-show_chapters",
    )
    kinds = [s["codec_type"] for s in info["streams"]]
    assert kinds.count("audio") == 1 and kinds.count("subtitle") == 1, kinds
    audio = next(s for s in info["streams"] if s["codec_type"] == "audio")
    video = next(s for s in info["streams"] if s["codec_type"] == "video")
    assert audio["codec_name"] == "aac"
    assert abs(float(audio["duration"]) - float(video["duration"])) <= 1 / 15
    assert len(info["chapters"]) == len(lecture.parts)


def test_every_chapter_is_in_sync_with_its_scene(lecture):
    """Each chapter's sound lines up with its scene's own video within 45 ms."""
    joined = sound(lecture.folder / "lecture.mp4", RATE)
    start = 0.0
    for part in lecture.parts:
        own = sound(part.video, RATE)
        seconds = probe(part.video).duration
        chapter = joined[int(round(start * RATE)) : int(round((start + seconds) * RATE))]
        assert np.sqrt(np.mean(own**2)) > 1e-3, f"{part.entry.name} has no speech"
        off = lag(chapter, own)
        assert abs(off) <= MAX_LAG, f"{part.entry.name}: chapter sound {off * 1000:.0f} ms off"
        start += seconds


def test_the_lag_measure_sees_a_shift():
    """The sync check itself: a hum delayed by 60 ms measures 60 ms late."""
    from scenes.narration.voices import StandInVoice

    hum = StandInVoice().synthesize("one two three four five six").samples[::6]
    late = np.concatenate([np.zeros(int(0.06 * RATE), np.float32), hum])
    assert abs(lag(late, hum) - 0.06) < 1e-3
