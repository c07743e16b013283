"""Build the lecture outputs from rendered scenes, each step skipped when up to date.

:func:`publish` takes the rendered scenes in lecture order (:class:`ScenePart`: a video,
its ``.srt`` and its manim-slides presentation) and writes into one folder:

* ``lecture.srt`` and ``lecture.vtt``: every scene's captions, shifted by the video
  durations of the scenes before it;
* ``lecture.mp4``: the scene videos joined by stream copy, a chapter per scene, the
  captions as a soft subtitle track;
* ``deck/index.html`` (+ ``deck/assets``, ``deck/lib``): the offline reveal.js deck;
* ``lecture.pptx``: the deck as PowerPoint, notes on each slide's notes page;
* ``lecture.beats.json``: each beat's start and end in lecture time, from the slides,
  and ``lecture.pacing.json``: the pacing report (:mod:`.pacing`) of ``lecture.mp4``.

Each output is written under a temporary name and moved into place when complete, and
is rebuilt only when its inputs (or this package's code) changed.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from scenes.kit.beats import slides_folder
from scenes.lecture import SceneEntry
from scenes.perf.fingerprint import file_digest
from scenes.publish import deck, pacing, subtitles, video
from scenes.publish.files import (
    Stamps,
    input_stamp,
    staged_dir,
    staged_file,
    sweep,
)
from scenes.publish.needs import REVEAL_DIR

__all__ = ["TITLE", "Output", "ScenePart", "publish"]

TITLE = "Backpropagation calculus, animated"
_CODE = Path(__file__).resolve().parent
_CODE_VERSION = " ".join(
    file_digest(p) for p in sorted([*_CODE.glob("*.py"), *_CODE.glob("templates/*")])
)


@dataclass(frozen=True)
class ScenePart:
    """One rendered scene: its video, captions and slides."""

    entry: SceneEntry
    video: Path

    @property
    def captions(self) -> Path:
        """The ``.srt`` Manim writes beside the video."""
        return self.video.with_suffix(".srt")

    @property
    def slides(self) -> Path:
        """The manim-slides presentation of this scene at this video's quality."""
        media = self.video.parents[3]  # media/videos/<module>/<quality>/<Scene>.mp4
        return slides_folder(self.video.parent.name, media) / f"{self.entry.name}.json"

    def stale(self) -> list[Path]:
        """Companion files missing or older than the video (made by another render)."""
        made = self.video.stat().st_mtime - 1.0
        return [
            p
            for p in (self.captions, self.slides)
            if not p.is_file() or p.stat().st_mtime < made
        ]


@dataclass(frozen=True)
class Output:
    """One file or folder this run produced (or found up to date)."""

    label: str
    path: Path
    rebuilt: bool


def _chapter_title(entry: SceneEntry) -> str:
    return f"{entry.step}. {entry.title}"


class _Steps:
    """The outputs of one folder, each step skipped when its input stamp is unchanged."""

    def __init__(
        self, parts: Sequence[ScenePart], folder: Path, log: Callable[[str], None]
    ) -> None:
        self.parts, self.folder, self.log = parts, folder, log
        self.stamps = Stamps(folder)
        self.videos = [p.video for p in parts]
        self.titles = [_chapter_title(p.entry) for p in parts]

    @functools.cached_property
    def infos(self) -> list[video.VideoInfo]:
        """Frame count and rate of each scene video (read only when a step needs them)."""
        return [video.probe(v) for v in self.videos]

    def _stamp(self, files: Sequence[Path], step: str) -> str:
        return input_stamp(files, step=step, titles=self.titles, code=_CODE_VERSION)

    def captions(self) -> list[Output]:
        """``lecture.srt`` and ``lecture.vtt``: the scenes' cues in lecture time."""
        srt_path, vtt_path = self.folder / "lecture.srt", self.folder / "lecture.vtt"
        stamp = self._stamp(
            [*self.videos, *(p.captions for p in self.parts)], "captions"
        )
        fresh = not (
            self.stamps.current(srt_path, stamp)
            and self.stamps.current(vtt_path, stamp)
        )
        if fresh:
            scene_cues = []
            for part in self.parts:
                if not part.captions.is_file():
                    raise FileNotFoundError(
                        f"step {part.entry.step} ({part.entry.name}) has no captions"
                        f" at {part.captions}"
                    )
                scene_cues.append(subtitles.read_srt(part.captions))
            cues = subtitles.lecture_cues(scene_cues, [i.duration for i in self.infos])
            for path, text in (
                (srt_path, subtitles.to_srt(cues)),
                (vtt_path, subtitles.to_vtt(cues)),
            ):
                with staged_file(path) as tmp:
                    tmp.write_text(text, encoding="utf-8")
                self.stamps.record(path, stamp)
            self.log(f"captions: {len(cues)} cues from {len(self.parts)} scene(s)")
        else:
            self.log("captions: up to date")
        return [
            Output("captions (SubRip)", srt_path, fresh),
            Output("captions (WebVTT)", vtt_path, fresh),
        ]

    def video(self) -> list[Output]:
        """``lecture.mp4``: the scenes joined, a chapter each, the captions as a track."""
        mp4, srt_path = self.folder / "lecture.mp4", self.folder / "lecture.srt"
        stamp = self._stamp([*self.videos, srt_path], "video")
        if self.stamps.current(mp4, stamp):
            self.log("joined video: up to date")
            return [Output("video", mp4, False)]
        self.log(f"joining {len(self.parts)} scene video(s) (stream copy) ...")
        chapters, start = [], 0.0
        for title, info in zip(self.titles, self.infos):
            chapters.append(video.Chapter(title, start, start + info.duration))
            start += info.duration
        with staged_file(mp4) as tmp:
            video.join_videos(self.videos, chapters, srt_path, tmp, TITLE, self.infos)
        self.stamps.record(mp4, stamp)
        self.log(
            f"joined video: {start:.1f} s, {len(chapters)} chapters, captions track,"
            f" {'narration' if any(video.has_audio(v) for v in self.videos) else 'no'}"
            " sound track"
        )
        return [Output("video", mp4, True)]

    def pacing(self) -> list[Output]:
        """``lecture.beats.json`` (beat times) and ``lecture.pacing.json`` (the report)."""
        beats, report = (self.folder / f"lecture.{n}.json" for n in ("beats", "pacing"))
        slides = [p.slides for p in self.parts]
        stamp = self._stamp(
            [*self.videos, *(s for s in slides if s.is_file())], "beats"
        )
        fresh = not self.stamps.current(beats, stamp)
        if fresh:
            scenes = [
                (t, p.entry.name, p.slides, i.duration)
                for t, p, i in zip(self.titles, self.parts, self.infos)
            ]
            with staged_file(beats) as tmp:
                tmp.write_text(json.dumps(pacing.lecture_beats(scenes), indent=1))
            self.stamps.record(beats, stamp)
        mp4, srt = self.folder / "lecture.mp4", self.folder / "lecture.srt"
        stamp = self._stamp([mp4, srt, beats], "pacing")
        measured = not self.stamps.current(report, stamp)
        if measured:
            with staged_file(report) as tmp:
                self.log(f"pacing: {pacing.save_summary(mp4, tmp, srt)}")
            self.stamps.record(report, stamp)
        else:
            self.log("pacing: up to date")
        return [
            Output("beat times", beats, fresh),
            Output("pacing report", report, measured),
        ]

    def _presentations(self) -> tuple[list, list[Path]]:
        presentations = []
        for part in self.parts:
            try:
                presentations.append(deck.load_presentation(part.slides))
            except FileNotFoundError:
                raise FileNotFoundError(
                    f"step {part.entry.step} ({part.entry.name}) has no slides at"
                    f" {part.slides}: render it with manim-slides installed"
                    " (make setup) and BACKPROP_PLAIN_SCENES unset"
                ) from None
        files = [
            *(p.slides for p in self.parts),
            *(s.file for p in presentations for s in p.slides),
            REVEAL_DIR / "package.json",
        ]
        return presentations, files

    def decks(self) -> list[Output]:
        """``deck/`` (the offline HTML deck) and ``lecture.pptx``."""
        presentations, inputs = self._presentations()
        slides = sum(len(p.slides) for p in presentations)
        deck_dir, pptx = self.folder / "deck", self.folder / "lecture.pptx"
        outputs = []
        stamp = self._stamp(inputs, "deck")
        fresh = not self.stamps.current(deck_dir, stamp)
        if fresh:
            self.log(f"slide deck: {slides} slides ...")
            with staged_dir(deck_dir) as tmp:
                deck.build_html_deck(presentations, self.titles, tmp, TITLE)
            self.stamps.record(deck_dir, stamp)
        else:
            self.log("slide deck: up to date")
        outputs.append(
            Output("slide deck (open index.html)", deck_dir / "index.html", fresh)
        )
        stamp = self._stamp(inputs, "pptx")
        fresh = not self.stamps.current(pptx, stamp)
        if fresh:
            self.log(f"PowerPoint: {slides} slides ...")
            with staged_file(pptx) as tmp:
                deck.build_pptx(presentations, tmp)
            self.stamps.record(pptx, stamp)
        else:
            self.log("PowerPoint: up to date")
        outputs.append(Output("PowerPoint", pptx, fresh))
        return outputs


def publish(
    parts: Sequence[ScenePart], folder: Path, *, log: Callable[[str], None] = print
) -> list[Output]:
    """Write the lecture outputs for ``parts`` (in lecture order) into ``folder``.

    Returns
    -------
    list of Output
        Every output, in the order written, and whether this run rebuilt it.

    Raises
    ------
    FileNotFoundError, ValueError
        If a scene's captions or slides are missing or broken (named in the message).
    RuntimeError
        If ffmpeg or ffprobe fails (with the end of its message).
    """
    if not parts:
        raise ValueError("no scenes to publish")
    folder.mkdir(parents=True, exist_ok=True)
    for path in sweep(folder):
        log(f"removed {path.name}, left by a run that was killed")
    steps = _Steps(parts, folder, log)
    return [*steps.captions(), *steps.video(), *steps.pacing(), *steps.decks()]
