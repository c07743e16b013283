"""A scene's sound: the beats' clips mixed on one timeline and muxed into its video.

This is the one place where audio enters a video. The scene's file writer first writes
the complete picture (``combine_to_movie``: a video-only H.264 mp4, however its frames
were encoded); then :func:`add_soundtrack` encodes the mixed narration once, as 48 kHz
AAC, into that file, copying the video packets untouched. The soundtrack is cut or
padded to the video's exact duration (48 000 samples a second is a whole number of
samples per frame at 15, 30 and 60 fps), and the AAC encoder's priming delay is recorded
in the file's edit list, so the first word is heard exactly when its beat starts.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from scenes.narration.audio import RATE, Clip

__all__ = ["AAC_BITRATE", "Soundtrack", "add_soundtrack", "install"]

AAC_BITRATE = 192_000
"""Bits a second of the mono AAC track. At 128 kb/s libavcodec's encoder overshot one
of the lecture's clips by 3 dB (a clipped click); at 192 kb/s by 0.3 dB at most."""


@dataclass
class Soundtrack:
    """Clips placed on a scene's clock (seconds from the scene's start)."""

    clips: list[tuple[float, Clip]] = field(default_factory=list)

    def add(self, start: float, clip: Clip) -> None:
        """Play ``clip`` from ``start`` seconds."""
        if start < 0:
            raise ValueError(f"a clip cannot start before the scene ({start:.3f} s)")
        self.clips.append((start, clip.at_rate(RATE)))

    def mix(self, samples: int) -> np.ndarray:
        """The whole track, exactly ``samples`` long (clips past the end are cut)."""
        track = np.zeros(samples, np.float32)
        for start, clip in self.clips:
            first = round(start * RATE)
            piece = clip.samples[: max(0, samples - first)]
            track[first : first + len(piece)] += piece
        return np.clip(track, -1.0, 1.0)


def _video_seconds(container: Any) -> Fraction:
    stream = container.streams.video[0]
    frames = stream.frames or sum(1 for p in container.demux(stream) if p.dts is not None)
    container.seek(0)
    return Fraction(frames) / Fraction(stream.average_rate)


def add_soundtrack(movie: Path, track: Soundtrack) -> int:
    """Mux ``track`` into ``movie`` (replacing any sound it had); return its samples.

    The file is rewritten under a temporary name and moved into place, so an error
    leaves the silent video as it was.
    """
    import av

    movie = Path(movie)
    tmp = movie.with_name(f".{movie.stem}.narrated{movie.suffix}")
    try:
        with av.open(str(movie)) as source:
            seconds = _video_seconds(source)
            samples = int(seconds * RATE)
            pcm = track.mix(samples)
            video = source.streams.video[0]
            with av.open(str(tmp), "w", format="mp4") as out:
                out_video = out.add_stream_from_template(video)
                out_audio = out.add_stream("aac", rate=RATE, layout="mono")
                out_audio.bit_rate = AAC_BITRATE
                for packet in source.demux(video):
                    if packet.dts is None:
                        continue
                    packet.stream = out_video
                    out.mux(packet)
                for first in range(0, samples, 1024):
                    chunk = pcm[first : first + 1024]
                    frame = av.AudioFrame.from_ndarray(
                        chunk[None, :], format="flt", layout="mono"
                    )
                    frame.sample_rate = RATE
                    frame.pts = first
                    for packet in out_audio.encode(frame):
                        out.mux(packet)
                for packet in out_audio.encode(None):
                    out.mux(packet)
        os.replace(tmp, movie)
    finally:
        tmp.unlink(missing_ok=True)
    return samples


class _NarratedWriter:
    """Mixin for a scene's file writer: after the picture is written, add the sound."""

    soundtrack: Soundtrack
    narration_summary: Any

    def combine_to_movie(self) -> None:  # noqa: D102 - Manim's hook
        super().combine_to_movie()  # type: ignore[misc]
        movie = Path(self.movie_file_path)  # type: ignore[attr-defined]
        if self.soundtrack.clips and movie.suffix == ".mp4" and movie.is_file():
            add_soundtrack(movie, self.soundtrack)
        summary = self.narration_summary()
        if summary:
            print(summary, file=sys.stderr)


def install(scene: Any, track: Soundtrack, summary: Any = lambda: "") -> bool:
    """Have ``scene``'s file writer mux ``track`` into the video it writes.

    Whatever writer class is installed (Manim's, or a faster one of
    :mod:`scenes.perf`) keeps working as it is; the sound is added after it.
    Returns whether a video is written at all.
    """
    writer = getattr(getattr(scene, "renderer", None), "file_writer", None)
    if writer is None:
        return False
    base = type(writer)
    if not issubclass(base, _NarratedWriter):
        writer.__class__ = type(f"Narrated{base.__name__}", (_NarratedWriter, base), {})
    writer.soundtrack = track
    writer.narration_summary = summary
    return True
