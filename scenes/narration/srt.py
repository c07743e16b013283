"""Read caption files (SubRip ``.srt``) into cues.

The narration's own checks (:mod:`scenes.narration.listen`) and the publishing layer
(:mod:`scenes.publish.subtitles`, which also writes SRT and VTT) both read a scene's
captions; this is the one reader, on the narration's floor, so that nothing below the
publishing layer imports it.
"""

from __future__ import annotations

from pathlib import Path

import srt

from scenes.narration.captions import Cue

__all__ = ["read_srt"]


def read_srt(path: Path) -> list[Cue]:
    """The cues of an ``.srt`` file, in order.

    Raises
    ------
    ValueError
        If the file is not valid SRT; the message names the file.
    """
    try:
        subtitles = list(srt.parse(Path(path).read_text(encoding="utf-8")))
    except srt.SRTParseError as exc:
        raise ValueError(f"{path} is not a valid .srt file: {exc}") from None
    return [
        Cue(s.start.total_seconds(), s.end.total_seconds(), s.content)
        for s in sorted(subtitles, key=lambda s: s.start)
    ]
