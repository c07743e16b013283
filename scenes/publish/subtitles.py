r"""Caption files: shift scenes into lecture time, write SRT/VTT.

A scene's ``.srt`` is read by :func:`scenes.narration.srt.read_srt` (kept here under its
old name, ``subtitles.read_srt``).

A scene's captions come from Manim's subcaptions (``<Scene>.srt`` beside its video). In
the lecture, a scene starts when the scenes before it have finished, so its cues move
by the sum of those scenes' video durations.

>>> first = [Cue(0.0, 2.5, "Hello.")]
>>> second = [Cue(0.5, 3.0, "Second scene,\nfirst cue.")]
>>> cues = lecture_cues([first, second], [10.0, 20.0])
>>> cues[1]
Cue(start=10.5, end=13.0, text='Second scene,\nfirst cue.')
>>> print(to_vtt(cues))
WEBVTT
<BLANKLINE>
1
00:00:00.000 --> 00:00:02.500
Hello.
<BLANKLINE>
2
00:00:10.500 --> 00:00:13.000
Second scene,
first cue.
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Sequence

from scenes.narration.captions import Cue
from scenes.narration.srt import read_srt

__all__ = ["lecture_cues", "read_srt", "to_srt", "to_vtt"]


def lecture_cues(
    scenes: Sequence[Sequence[Cue]], durations: Sequence[float]
) -> list[Cue]:
    """All scenes' cues in lecture time: each scene's shifted by the ones before it.

    A cue is clipped to its own scene, so a scene's last cue never runs into the next.
    """
    if len(scenes) != len(durations):
        raise ValueError(
            f"{len(scenes)} scene caption list(s) but {len(durations)} duration(s)"
        )
    cues: list[Cue] = []
    offset = 0.0
    for scene, duration in zip(scenes, durations):
        for cue in scene:
            cues.append(
                Cue(offset + cue.start, offset + min(cue.end, duration), cue.text)
            )
        offset += duration
    return cues


def _timestamp(seconds: float, separator: str) -> str:
    ms = round(seconds * 1000)
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{ms:03d}"


def _blocks(cues: Sequence[Cue], separator: str) -> list[str]:
    return [
        f"{i}\n{_timestamp(c.start, separator)} --> {_timestamp(c.end, separator)}"
        f"\n{c.text}\n"
        for i, c in enumerate(cues, start=1)
    ]


def to_srt(cues: Sequence[Cue]) -> str:
    """SubRip text of ``cues``, numbered from 1, times rounded to the millisecond."""
    return "\n".join(_blocks(cues, ","))


def to_vtt(cues: Sequence[Cue]) -> str:
    """WebVTT text of ``cues`` (what HTML5 video players read)."""
    return "\n".join(["WEBVTT\n", *_blocks(cues, ".")])
