r"""The pacing report: how long the voice speaks over a picture where nothing moves.

``make pacing`` (``python -m scenes.publish.pacing VIDEO.mp4 [CAPTIONS.srt]``) measures a
rendered video against its captions, from the frames and the cue times alone, so it
works on any mp4 and srt pair: the lecture, one scene's video, a lecture spoken from a
teacher's recordings.

The definitions, exactly:

* **Frames.** The video is decoded at 15 frames a second, each frame scaled to 192x108
  grey (ffmpeg ``-vf fps=15,scale=192:108,format=gray``). Frame *i* is on screen from
  *i*/15 s to (*i* + 1)/15 s.
* **A still frame** differs from the frame before it in at most 3 pixels by more than 8
  grey levels (:data:`MAX_CHANGED_PIXELS`, :data:`GREY_LEVELS`). The first frame of the
  video has none before it and is not still.
* **Speech** is the union of the caption cues' intervals (overlapping or touching cues
  count once), cut to the video's length.
* **Speech over a still picture** is the time that is both speech and on screen as a
  still frame; the share is that time divided by the speech time.
* **A still** is a maximal run of consecutive still frames within one scene (a run is
  cut where a chapter starts). It is *under speech* for as long as it overlaps speech;
  the report lists every still whose time under speech is longer than 8 s
  (:data:`LONG_STILL`, compared after rounding to the millisecond), with when it starts
  and ends, its time under speech, and its beat: the beat holding most of it, and any
  other beat it covers for 1 s or more (``03-04``).
* **Scenes** are the video's chapters (``ffprobe -show_chapters``); a video without
  chapters is one scene. A frame belongs to the scene in which it starts.
* **Beats** come from a sidecar ``<video>.beats.json`` (``make lecture`` writes
  ``lecture.beats.json``: each scene's beats with their start and end in lecture
  time), or, for one scene's video ``media/videos/<module>/<quality>/<Scene>.mp4``, from
  its manim-slides presentation ``media/slides/<quality>/<Scene>.json`` (one slide per
  beat, their videos' durations in order). Without either, a beat is shown as ``-``.
  Beats are numbered from 00, as the voice script names them (``s05_chain_rule-03``).

>>> speech = merge_intervals([(1.0, 3.0), (2.0, 4.0), (4.0, 5.0), (7.0, 8.0)])
>>> speech
[(1.0, 5.0), (7.0, 8.0)]
>>> clock = SpeechClock(speech)
>>> clock.between(0.0, 7.5), clock.between(2.0, 2.5)
(4.5, 0.5)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

__all__ = [
    "FPS",
    "GREY_LEVELS",
    "HEIGHT",
    "BEAT_SPILL",
    "LONG_STILL",
    "MAX_CHANGED_PIXELS",
    "WIDTH",
    "PacingError",
    "Report",
    "SceneSpan",
    "SpeechClock",
    "Still",
    "beats_from_slides",
    "decode_still_frames",
    "format_report",
    "lecture_beats",
    "main",
    "measure",
    "merge_intervals",
    "save_summary",
    "saved_summary",
    "still_frames",
    "summary_line",
]

FPS = 15
"""Frames a second the video is sampled at."""
WIDTH, HEIGHT = 192, 108
"""Each sampled frame's size, in grey pixels."""
GREY_LEVELS = 8
"""A pixel has changed when it differs from the previous frame by more than this."""
MAX_CHANGED_PIXELS = 3
"""A frame is still when at most this many pixels have changed."""
LONG_STILL = 8.0
"""Stills longer than this under speech (seconds) are listed."""


class PacingError(RuntimeError):
    """Input the report cannot measure: the message is one line for the user."""


# --- frames ---------------------------------------------------------------------------


def still_frames(frames: np.ndarray, previous: np.ndarray | None = None) -> np.ndarray:
    """Which of ``frames`` (n x H x W, uint8 grey) are still, by the rule above.

    ``previous`` is the frame before ``frames[0]`` (None: the first frame of the video,
    which is never still).

    >>> a = np.zeros((3, 4, 4), np.uint8); a[2, 0, :] = 9   # 4 pixels up by 9
    >>> still_frames(a).tolist()
    [False, True, False]
    """
    frames = np.asarray(frames)
    if frames.ndim != 3:
        raise ValueError(
            f"expected n x height x width frames, got shape {frames.shape}"
        )
    if len(frames) == 0:
        return np.zeros(0, bool)
    before = frames[:-1]
    if previous is not None:
        before = np.concatenate([previous[None], before])
    diff = np.abs(frames[len(frames) - len(before) :].astype(np.int16) - before)
    changed = (diff > GREY_LEVELS).sum(axis=(1, 2))
    still = changed <= MAX_CHANGED_PIXELS
    if previous is None:
        still = np.concatenate([[False], still])
    return still


def _run(cmd: Sequence[str]) -> str:
    try:
        proc = subprocess.run(list(cmd), capture_output=True, text=True)
    except FileNotFoundError:
        raise PacingError(
            f"{cmd[0]} is not installed (apt-get install ffmpeg)"
        ) from None
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines()
        raise PacingError(
            f"{cmd[0]} cannot read it: {lines[-1] if lines else 'failed'}"
        )
    return proc.stdout


def decode_still_frames(video: Path, chunk: int = 256) -> np.ndarray:
    """Decode ``video`` at :data:`FPS` as :data:`WIDTH` x :data:`HEIGHT` grey; still flags.

    The frames are streamed from ffmpeg and compared ``chunk`` at a time, so memory
    stays small however long the video is.
    """
    cmd = [
        "ffmpeg", "-nostdin", "-v", "error", "-i", str(video), "-an", "-sn", "-dn",
        "-vf", f"fps={FPS},scale={WIDTH}:{HEIGHT},format=gray",
        "-f", "rawvideo", "-pix_fmt", "gray", "-",
    ]  # fmt: skip
    size = WIDTH * HEIGHT
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except FileNotFoundError:
        raise PacingError("ffmpeg is not installed (apt-get install ffmpeg)") from None
    assert proc.stdout is not None and proc.stderr is not None
    flags: list[np.ndarray] = []
    previous: np.ndarray | None = None
    while True:
        data = proc.stdout.read(size * chunk)
        whole = len(data) // size
        if whole:
            frames = np.frombuffer(data[: whole * size], np.uint8)
            frames = frames.reshape(whole, HEIGHT, WIDTH)
            flags.append(still_frames(frames, previous))
            previous = frames[-1].copy()
        if len(data) < size * chunk:
            break
    err = proc.stderr.read().decode(errors="replace").strip().splitlines()
    if proc.wait() != 0:
        raise PacingError(
            f"ffmpeg cannot decode {video}: {err[-1] if err else 'failed'}"
        )
    if not flags:
        raise PacingError(f"{video} has no video frames")
    return np.concatenate(flags)


# --- speech ---------------------------------------------------------------------------


def merge_intervals(
    intervals: Iterable[tuple[float, float]],
) -> list[tuple[float, float]]:
    """The union of ``intervals`` as sorted, disjoint (start, end) pairs."""
    merged: list[list[float]] = []
    for start, end in sorted((float(s), float(e)) for s, e in intervals if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


class SpeechClock:
    """How much speech lies between two times, for disjoint sorted speech intervals."""

    def __init__(self, speech: Sequence[tuple[float, float]]) -> None:
        self.speech = list(speech)
        xs, ys, total = [], [], 0.0
        for start, end in self.speech:
            xs += [start, end]
            ys += [total, total + (end - start)]
            total += end - start
        self._xs, self._ys, self.total = np.array(xs), np.array(ys), total

    def before(self, t: np.ndarray | float) -> np.ndarray | float:
        """Seconds of speech in [0, t)."""
        if not self.speech:
            return np.zeros_like(np.asarray(t, float)) if np.ndim(t) else 0.0
        return np.interp(t, self._xs, self._ys, left=0.0, right=self.total)

    def between(self, start: float, end: float) -> float:
        """Seconds of speech in [start, end)."""
        return float(self.before(end) - self.before(start))


# --- scenes and beats -----------------------------------------------------------------


@dataclass(frozen=True)
class SceneSpan:
    """A scene of the video (a chapter): its title, its span and its beats' spans."""

    title: str
    start: float
    end: float
    beats: tuple[tuple[float, float], ...] = ()


def _chapters(video: Path) -> tuple[list[SceneSpan], float]:
    """The video's chapters and the duration ffprobe gives (0.0 if unknown)."""
    out = _run(
        ["ffprobe", "-v", "error", "-show_chapters", "-show_entries",
         "format=duration", "-of", "json", str(video)]
    )  # fmt: skip
    info = json.loads(out or "{}")
    scenes = [
        SceneSpan(
            (c.get("tags") or {}).get("title") or f"chapter {i + 1}",
            float(c["start_time"]),
            float(c["end_time"]),
        )
        for i, c in enumerate(info.get("chapters", []))
    ]
    try:
        duration = float(info.get("format", {}).get("duration", 0.0))
    except ValueError:
        duration = 0.0
    return scenes, duration


def _slide_duration(path: Path) -> float:
    """Frames ÷ rate of a slide's video (the frame count from the header when it has one).

    Read in-process by PyAV (which Manim brings) when it is there: ffprobe takes 70 ms
    a file to start, 4 s for the lecture's 60 slides.
    """
    try:
        import av
    except ImportError:
        av = None
    if av is not None:
        try:
            with av.open(str(path)) as container:
                stream = container.streams.video[0]
                if stream.frames and stream.average_rate:
                    return float(stream.frames / stream.average_rate)
        except (av.error.FFmpegError, IndexError) as exc:
            raise PacingError(f"{path} cannot be read: {exc}") from None
    base = ["ffprobe", "-v", "error", "-select_streams", "v:0", "-of", "json"]
    fields = "stream=nb_frames,r_frame_rate"
    stream = json.loads(_run([*base, "-show_entries", fields, str(path)]))["streams"][0]
    frames = stream.get("nb_frames")
    if not str(frames or "").isdigit():
        out = _run([*base, "-count_packets", "-show_entries", fields.replace(
            "nb_frames", "nb_read_packets"), str(path)])  # fmt: skip
        frames = json.loads(out)["streams"][0]["nb_read_packets"]
    num, _, den = stream["r_frame_rate"].partition("/")
    return int(frames) * int(den or 1) / int(num)


def beats_from_slides(
    slides_json: Path, offset: float = 0.0
) -> list[tuple[float, float]]:
    """The beats' (start, end) of one scene, from its manim-slides presentation.

    Each beat is one slide, whose video holds exactly the beat's animations; the
    slides' durations, added up in order, give when each beat starts. A slide with no
    notes (animations played before the first beat) is time but not a beat.
    """
    slides = json.loads(slides_json.read_text(encoding="utf-8"))["slides"]
    beats, t = [], offset
    for slide in slides:
        file = Path(slide["file"])
        if not file.is_absolute():
            file = slides_json.parent / file
        length = _slide_duration(file)
        if slide.get("notes"):
            beats.append((t, t + length))
        t += length
    return beats


def _slides_of_scene_video(video: Path) -> Path | None:
    """``media/slides/<quality>/<Scene>.json`` for ``media/videos/<m>/<quality>/<Scene>.mp4``."""
    try:
        media = video.resolve().parents[3]
    except IndexError:
        return None
    path = media / "slides" / video.parent.name / f"{video.stem}.json"
    return path if path.is_file() else None


def _scenes_with_beats(video: Path, scenes: list[SceneSpan]) -> list[SceneSpan]:
    sidecar = video.with_suffix(".beats.json")
    if sidecar.is_file():
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8"))
            spans = [
                tuple((b["start"], b["end"]) for b in s["beats"])
                for s in data["scenes"]
            ]
        except (ValueError, KeyError, TypeError) as exc:
            raise PacingError(f"{sidecar} is not a beats file: {exc}") from None
        if len(spans) == len(scenes):
            return [
                SceneSpan(s.title, s.start, s.end, b) for s, b in zip(scenes, spans)
            ]
        return scenes
    slides = _slides_of_scene_video(video) if len(scenes) == 1 else None
    if slides is not None:
        try:
            beats = tuple(beats_from_slides(slides))
        except (OSError, ValueError, KeyError, IndexError, PacingError):
            return scenes
        return [SceneSpan(scenes[0].title, scenes[0].start, scenes[0].end, beats)]
    return scenes


BEAT_SPILL = 1.0
"""A still is named with each beat it covers for at least this long (seconds)."""


def _beat_label(beats: Sequence[tuple[float, float]], start: float, end: float) -> str:
    """The beats [start, end) covers: ``03``, ``03-04``, or ``-`` when unknown.

    A beat counts when the still covers at least :data:`BEAT_SPILL` of it, or most of
    the still lies in it, so a still that runs a few frames into the next beat (whose
    first animation starts slowly) is not named with both.
    """
    cover = [min(e, end) - max(s, start) for s, e in beats]
    if not cover or max(cover) <= 0:
        return "-"
    most = max(range(len(cover)), key=cover.__getitem__)
    hit = [i for i, c in enumerate(cover) if c >= BEAT_SPILL or i == most]
    return f"{hit[0]:02d}" if len(hit) == 1 else f"{hit[0]:02d}-{hit[-1]:02d}"


def lecture_beats(scenes: Sequence[tuple[str, str, Path, float]]) -> dict:
    """The beats file of a lecture (``lecture.beats.json``) from its scenes, in order.

    Each scene is (chapter title, scene class, its manim-slides presentation, its video's
    duration). Beats are in lecture time; a scene without slides has no beats.
    """
    out, start = [], 0.0
    for title, name, slides, duration in scenes:
        beats = beats_from_slides(slides, start) if slides.is_file() else []
        out.append(
            {
                "title": title,
                "scene": name,
                "start": round(start, 6),
                "end": round(start + duration, 6),
                "beats": [
                    {"beat": i, "start": round(b0, 6), "end": round(b1, 6)}
                    for i, (b0, b1) in enumerate(beats)
                ],
            }
        )
        start += duration
    return {"scenes": out}


# --- the report -----------------------------------------------------------------------


@dataclass(frozen=True)
class Still:
    """A run of still frames: its span, its time under speech, its scene and beats."""

    start: float
    end: float
    under_speech: float
    scene: str
    beat: str


@dataclass
class SceneReport:
    """One scene's (or the whole video's) figures."""

    title: str
    start: float
    end: float
    speech: float
    still_speech: float
    stills: list[Still] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        """Speech over a still picture ÷ speech (None without speech)."""
        return self.still_speech / self.speech if self.speech > 0 else None

    @property
    def longest(self) -> Still | None:
        """The still with the longest time under speech (listed or not)."""
        return max(self.stills, key=lambda s: s.under_speech, default=None)

    @property
    def long_stills(self) -> list[Still]:
        """The stills under speech longer than :data:`LONG_STILL`."""
        return [s for s in self.stills if s.under_speech > LONG_STILL]

    def as_dict(self) -> dict:
        longest = self.longest
        return {
            "title": self.title,
            "start": round(self.start, 3),
            "end": round(self.end, 3),
            "speech": round(self.speech, 3),
            "still_speech": round(self.still_speech, 3),
            "share": None if self.share is None else round(self.share, 4),
            "long_stills": [asdict(s) for s in self.long_stills],
            "longest": asdict(longest) if longest else None,
        }


@dataclass
class Report:
    """The pacing of one video: each scene and the whole."""

    video: Path
    captions: Path
    duration: float
    scenes: list[SceneReport]
    total: SceneReport
    moving: float = 0.0
    """The share of frames that are not still (speech or not)."""

    def as_dict(self) -> dict:
        """The report as JSON-ready values (``--json``)."""
        return {
            "video": str(self.video),
            "captions": str(self.captions),
            "duration": round(self.duration, 3),
            "moving_frames": round(self.moving, 4),
            "sampling": {
                "fps": FPS,
                "size": [WIDTH, HEIGHT],
                "grey_levels": GREY_LEVELS,
                "max_changed_pixels": MAX_CHANGED_PIXELS,
                "long_still": LONG_STILL,
            },
            "scenes": [s.as_dict() for s in self.scenes],
            "total": self.total.as_dict(),
        }


def _runs(flags: np.ndarray) -> Iterator[tuple[int, int]]:
    """(first, last + 1) of each run of True in ``flags``."""
    padded = np.concatenate([[False], flags, [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    yield from zip(edges[::2].tolist(), edges[1::2].tolist())


def measure(
    still: np.ndarray,
    cues: Iterable[tuple[float, float]],
    scenes: Sequence[SceneSpan],
    *,
    video: Path = Path("-"),
    captions: Path = Path("-"),
) -> Report:
    """The report for frame flags ``still`` (at :data:`FPS`), cue spans and scenes."""
    n = len(still)
    duration = n / FPS
    speech = merge_intervals((max(0.0, s), min(e, duration)) for s, e in cues)
    clock = SpeechClock(speech)
    edges = np.arange(n + 1) / FPS
    per_frame = np.diff(clock.before(edges))  # speech seconds in each frame's time
    scenes = list(scenes) or [SceneSpan(video.stem, 0.0, duration)]
    starts = [s.start for s in scenes]
    # frame i belongs to the last scene starting at or before it (the first for earlier)
    owner = np.clip(
        np.searchsorted(starts, edges[:-1] + 1e-9, side="right") - 1, 0, None
    )
    reports = []
    for k, scene in enumerate(scenes):
        frames = np.flatnonzero(owner == k)
        lo, hi = (int(frames[0]), int(frames[-1]) + 1) if len(frames) else (0, 0)
        span = (edges[lo], edges[hi]) if hi > lo else (scene.start, scene.start)
        report = SceneReport(
            scene.title,
            float(span[0]),
            float(span[1]),
            clock.between(*span),
            float(per_frame[lo:hi][still[lo:hi]].sum()),
        )
        for first, last in _runs(still[lo:hi]):
            t0, t1 = float(edges[lo + first]), float(edges[lo + last])
            under = round(clock.between(t0, t1), 3)
            if under > 0:
                label = _beat_label(scene.beats, t0, t1)
                report.stills.append(
                    Still(round(t0, 3), round(t1, 3), under, scene.title, label)
                )
        reports.append(report)
    total = SceneReport(
        "whole",
        0.0,
        duration,
        clock.total,
        float(per_frame[still].sum()),
        [s for r in reports for s in r.stills],
    )
    moving = float(1.0 - still.mean()) if n else 0.0
    return Report(video, captions, duration, reports, total, moving)


def read_cues(srt: Path) -> list[tuple[float, float]]:
    """The (start, end) of every cue of an ``.srt`` file."""
    from scenes.publish.subtitles import read_srt

    try:
        return [(c.start, c.end) for c in read_srt(srt)]
    except ValueError as exc:
        raise PacingError(str(exc).splitlines()[0]) from None


def report(video: Path, captions: Path | None = None) -> Report:
    """Measure ``video`` against ``captions`` (default: the ``.srt`` beside it).

    Raises
    ------
    PacingError
        If either file is missing or cannot be read (a one-line message).
    """
    video = Path(video)
    if not video.is_file():
        others = sorted(video.parent.parent.glob(f"*/{video.name}"))
        hint = (
            f" (there is {', '.join(map(str, others))}: make pacing QUALITY=... picks"
            " the lecture of another quality)"
            if video.name == "lecture.mp4" and others
            else ""
        )
        raise PacingError(f"no video at {video}{hint}")
    captions = Path(captions) if captions is not None else video.with_suffix(".srt")
    if not captions.is_file():
        raise PacingError(
            f"no captions at {captions}: the report needs the video's .srt"
            " (give it as the second argument)"
        )
    cues = read_cues(captions)
    chapters, _ = _chapters(video)
    still = decode_still_frames(video)
    scenes = _scenes_with_beats(video, chapters or [SceneSpan(video.stem, 0.0, 1e12)])
    return measure(still, cues, scenes, video=video, captions=captions)


# --- text -----------------------------------------------------------------------------


def _clock(seconds: float) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{int(minutes)}:{secs:04.1f}"


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{100 * share:.0f} %"


def _longest_text(still: Still | None, with_scene: bool) -> str:
    if still is None:
        return "no still under speech"
    where = f"{still.scene}, beat {still.beat}" if with_scene else f"beat {still.beat}"
    return f"longest {still.under_speech:.1f} s at {_clock(still.start)} ({where})"


def summary_line(rep: Report) -> str:
    """The whole video's figures on one line."""
    t = rep.total
    return (
        f"{_percent(t.share)} of speech over a still picture"
        f" ({t.still_speech:.0f} s of {t.speech:.0f} s);"
        f" {len(t.long_stills)} still(s) under speech > {LONG_STILL:g} s;"
        f" {_longest_text(t.longest, True)}"
    )


def format_report(rep: Report) -> str:
    """The report as plain text: a table per scene, then the whole video."""
    lines = [
        f"Pacing of {rep.video} ({_clock(rep.duration)}) against {rep.captions.name}",
        f"(sampled at {FPS} fps, {WIDTH}x{HEIGHT} grey; a frame is still when at most"
        f" {MAX_CHANGED_PIXELS} pixels differ from the one before by more than"
        f" {GREY_LEVELS} grey levels)",
    ]
    for scene in rep.scenes:
        lines += [
            "",
            f"{scene.title}  [{_clock(scene.start)}-{_clock(scene.end)}]",
            f"  speech {scene.speech:.1f} s, over a still picture"
            f" {scene.still_speech:.1f} s: {_percent(scene.share)}",
        ]
        long = scene.long_stills
        lines.append(f"  stills under speech > {LONG_STILL:g} s: {len(long) or 'none'}")
        if long:
            lines.append("       start       end    still   under speech   beat")
            for s in long:
                lines.append(
                    f"    {_clock(s.start):>8}  {_clock(s.end):>8}"
                    f"  {s.end - s.start:>5.1f} s  {s.under_speech:>11.1f} s  {s.beat:>5}"
                )
        lines.append(f"  {_longest_text(scene.longest, False)}")
    width = max([len(s.title) for s in rep.scenes] + [5])
    lines += [
        "",
        f"{'scene':<{width}}  speech  still  share  >{LONG_STILL:g} s  longest",
    ]
    for s in [*rep.scenes, rep.total]:
        longest = s.longest.under_speech if s.longest else 0.0
        lines.append(
            f"{s.title:<{width}}  {s.speech:5.0f}s {s.still_speech:5.0f}s"
            f" {_percent(s.share):>6} {len(s.long_stills):>5}  {longest:6.1f} s"
        )
    lines += [
        "",
        f"The picture changes in {_percent(rep.moving)} of the frames.",
        "Whole: " + summary_line(rep),
    ]
    return "\n".join(lines)


def save_summary(video: Path, dest: Path, captions: Path | None = None) -> str:
    """Measure ``video`` against ``captions``; write the report as JSON to ``dest``.

    Returns the one-line summary (:func:`summary_line`), which is saved with it.
    """
    rep = report(video, captions)
    line = summary_line(rep)
    dest.write_text(json.dumps({"summary": line, **rep.as_dict()}, indent=1))
    return line


def saved_summary(path: Path) -> str | None:
    """The summary line saved by :func:`save_summary`, or None if there is none."""
    try:
        return str(json.loads(path.read_text())["summary"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def main(argv: list[str] | None = None) -> int:
    """``python -m scenes.publish.pacing VIDEO.mp4 [CAPTIONS.srt] [--json]``."""
    parser = argparse.ArgumentParser(
        prog="python -m scenes.publish.pacing",
        description="How long the voice speaks over a still picture, scene by scene.",
    )
    parser.add_argument("video", type=Path, help="an mp4 (chapters = scenes)")
    parser.add_argument(
        "captions", type=Path, nargs="?", help="its .srt (default: beside the video)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead")
    args = parser.parse_args(argv)
    try:
        rep = report(args.video, args.captions)
    except PacingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(rep.as_dict(), indent=1) if args.json else format_report(rep))
    return 0


if __name__ == "__main__":
    sys.exit(main())
