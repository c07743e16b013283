"""Video durations (ffprobe) and the joined lecture video (ffmpeg, no re-encoding).

The scene videos are concatenated by stream copy (ffmpeg's concat demuxer), with an
mp4 chapter per scene and the lecture's captions muxed in as a ``mov_text`` subtitle
track that players can switch on and off.

The narration is not copied along: joining AAC streams packet by packet would shift the
sound against the picture a little at every join (each file's encoder priming, and
1024-sample frames that do not end where a scene's video ends). Instead each scene's
sound is decoded, cut or padded to exactly its video's duration, and the lecture's one
sound track is encoded once (:func:`lecture_audio`).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

__all__ = [
    "AUDIO_RATE",
    "Chapter",
    "VideoInfo",
    "check_joinable",
    "has_audio",
    "join_videos",
    "lecture_audio",
    "probe",
    "run_tool",
]

AUDIO_RATE = 48_000
"""The lecture's sound: 48 kHz (a whole number of samples per frame at 15-60 fps)."""


@dataclass(frozen=True)
class VideoInfo:
    """A video's frame count and frame rate; its duration is exactly their ratio."""

    frames: int
    rate: Fraction

    @property
    def duration(self) -> float:
        """Seconds: frames / rate."""
        return float(self.frames / self.rate)


@dataclass(frozen=True)
class Chapter:
    """One chapter of the joined video: a title and its span, in seconds."""

    title: str
    start: float
    end: float


def run_tool(cmd: Sequence[str]) -> str:
    """Run ffmpeg/ffprobe; return stdout, or raise RuntimeError with the end of stderr."""
    proc = subprocess.run(list(cmd), capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-8:])
        raise RuntimeError(f"{cmd[0]} failed ({' '.join(cmd[:6])} ...):\n{tail}")
    return proc.stdout


def probe(video: Path) -> VideoInfo:
    """Count the frames of ``video``'s first video stream and read its frame rate."""
    out = run_tool(
        [
            "ffprobe",
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-count_packets",
            "-show_entries",
            "stream=nb_read_packets,avg_frame_rate,r_frame_rate",
            "-of",
            "json",
            str(video),
        ]
    )
    streams = json.loads(out).get("streams", [])
    if not streams:
        raise ValueError(f"{video} has no video stream")
    stream = streams[0]
    rate = Fraction(stream.get("r_frame_rate") or stream["avg_frame_rate"])
    return VideoInfo(int(stream["nb_read_packets"]), rate)


def has_audio(video: Path) -> bool:
    """Whether ``video`` has a sound track."""
    out = run_tool(
        [
            "ffprobe",
            "-v",
            "error",
            "-select_streams",
            "a",
            "-show_entries",
            "stream=index",
            "-of",
            "csv=p=0",
            str(video),
        ]
    )
    return bool(out.strip())


def lecture_audio(
    videos: Sequence[Path], infos: Sequence[VideoInfo], dest: Path
) -> bool:
    """Write the lecture's sound track to ``dest`` (AAC in .m4a); False if all are silent.

    Each scene's sound is resampled to :data:`AUDIO_RATE`, padded with silence or cut to
    exactly its video's duration (a scene without sound gives silence), and the pieces
    are concatenated and encoded once, so every chapter's sound starts with its picture.
    """
    sounds = [has_audio(v) for v in videos]
    if not any(sounds):
        return False
    cmd = ["ffmpeg", "-nostdin", "-y", "-v", "error"]
    for video in videos:
        cmd += ["-i", str(video)]
    parts = []
    for i, (info, sound) in enumerate(zip(infos, sounds)):
        samples = round(info.frames * AUDIO_RATE / info.rate)
        source = (
            f"[{i}:a:0]aresample={AUDIO_RATE},aformat=channel_layouts=mono,"
            f"apad=whole_len={samples},"
            if sound
            else f"anullsrc=r={AUDIO_RATE}:cl=mono,"
        )
        parts.append(f"{source}atrim=end_sample={samples},asetpts=N/SR/TB[a{i}]")
    joined = "".join(f"[a{i}]" for i in range(len(videos)))
    graph = ";".join(parts) + f";{joined}concat=n={len(videos)}:v=0:a=1[out]"
    cmd += [
        "-filter_complex",
        graph,
        "-map",
        "[out]",
        "-c:a",
        "aac",
        "-b:a",
        "192k",  # as the scenes' own tracks (scenes.narration.soundtrack.AAC_BITRATE)
        "-ar",
        str(AUDIO_RATE),
        "-f",
        "mp4",
        str(dest),
    ]
    run_tool(cmd)
    return True


def chapters_metadata(chapters: Sequence[Chapter], title: str) -> str:
    """An FFMETADATA1 document with the file's title and one chapter per entry."""

    def escape(text: str) -> str:
        for char in "\\=;#\n":
            text = text.replace(char, "\\" + char)
        return text

    lines = [";FFMETADATA1", f"title={escape(title)}"]
    for chapter in chapters:
        lines += [
            "[CHAPTER]",
            "TIMEBASE=1/1000000",
            f"START={round(chapter.start * 1e6)}",
            f"END={round(chapter.end * 1e6)}",
            f"title={escape(chapter.title)}",
        ]
    return "\n".join(lines) + "\n"


def check_joinable(videos: Sequence[Path]) -> None:
    """Raise ValueError unless every video's picture can follow the first's by stream copy.

    The joined file keeps one set of codec parameters, the first video's (its H.264
    SPS/PPS). A scene encoded with other settings, such as Manim's own encoding
    (``BACKPROP_FAST_STILLS=0``) beside the project's, would be decoded with the wrong
    ones: a broken picture, not an error. So it is refused here, with the scene named.
    """
    import av  # PyAV comes with Manim; only this check needs it here

    first: tuple[Path, tuple] | None = None
    for video in videos:
        with av.open(str(video)) as container:
            if not container.streams.video:
                raise ValueError(f"{video} has no video stream")
            codec = container.streams.video[0].codec_context
            key = (
                codec.name,
                codec.width,
                codec.height,
                codec.pix_fmt,
                bytes(codec.extradata or b""),
            )
        if first is None:
            first = (video, key)
        elif key != first[1]:
            raise ValueError(
                f"{video.name} cannot be joined to {first[0].name} by stream copy: it"
                " was encoded with other settings (codec, size or parameter sets);"
                " render the scenes again alike, e.g. python -m scenes.render --force"
            )


def join_videos(
    videos: Sequence[Path],
    chapters: Sequence[Chapter],
    captions: Path,
    dest: Path,
    title: str,
    infos: Sequence[VideoInfo] | None = None,
) -> None:
    """Concatenate ``videos`` into ``dest`` (mp4) by stream copy, with chapters and captions.

    ``captions`` is an ``.srt`` file in the joined video's time; it becomes an English
    ``mov_text`` subtitle track. The scenes' sound becomes one track made by
    :func:`lecture_audio` (``infos``: the videos' frame counts, probed if not given).
    ``dest`` is written as given (callers pass a temporary name); helper files are
    written beside it and removed afterwards.
    """
    listing = dest.with_name(dest.name + ".concat.txt")
    metadata = dest.with_name(dest.name + ".chapters.txt")
    sound = dest.with_name(dest.name + ".sound.m4a")
    check_joinable(videos)
    try:
        infos = list(infos) if infos is not None else [probe(v) for v in videos]
        audio_inputs = (
            ["-i", str(sound)] if lecture_audio(videos, infos, sound) else []
        )
        listing.write_text(
            "".join(
                "file '{}'\n".format(str(v.resolve()).replace("'", "'\\''"))
                for v in videos
            )
        )
        metadata.write_text(chapters_metadata(chapters, title), encoding="utf-8")
        run_tool(
            [
                "ffmpeg",
                "-nostdin",
                "-y",
                "-v",
                "error",
                "-f",
                "concat",
                "-safe",
                "0",
                "-i",
                str(listing),
                "-i",
                str(captions),
                "-i",
                str(metadata),
                *audio_inputs,
                "-map",
                "0:v",
                *(["-map", "3:a"] if audio_inputs else []),
                "-map",
                "1:s",
                "-map_metadata",
                "2",
                "-map_chapters",
                "2",
                "-c",
                "copy",
                "-c:s",
                "mov_text",
                "-metadata:s:s:0",
                "language=eng",
                "-metadata:s:s:0",
                "handler_name=English",
                "-movflags",
                "+faststart",
                "-f",
                "mp4",
                str(dest),
            ]
        )
    finally:
        listing.unlink(missing_ok=True)
        metadata.unlink(missing_ok=True)
        sound.unlink(missing_ok=True)
