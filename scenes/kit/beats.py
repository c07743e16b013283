"""Scenes as a sequence of beats, each with a speaker note.

A lecture scene is a short script::

    class WeightedSum(LectureScene):
        example_role = "chain"

        def construct(self):
            with self.beat("The last activation is a weighted sum, squashed."):
                ...

Each beat is one pause of the lecture. When manim-slides is installed the scene is a
``manim_slides.Slide`` and each beat starts a new slide whose speaker notes are the beat's
note; otherwise it is a plain ``manim.Scene`` and a beat ends with a short pause. Set
``BACKPROP_PLAIN_SCENES=1`` to force the plain scene even with manim-slides installed.

Each beat is also captioned: its note is split into cues timed inside the beat
(:mod:`scenes.kit.captions`), kept in :attr:`LectureScene.captions` and added as Manim
subcaptions, so rendering a scene writes its ``.srt`` beside its video.

Tests hook into :attr:`LectureScene.beat_hooks` to inspect the screen after every beat.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from manim import Mobject, Scene, config

import bpmath
from scenes.kit.captions import Cue, beat_cues
from scenes.kit.limits import check_drawable
from scenes.kit.style import BACKGROUND
from scenes.kit.values import ExampleValues
from scenes.perf import stills

__all__ = [
    "Beat",
    "LectureScene",
    "SLIDES_AVAILABLE",
    "SPEAKING_RATE",
    "allow_overlap",
    "slides_folder",
    "speaking_time",
]


def _base_scene() -> type[Scene]:
    if os.environ.get("BACKPROP_PLAIN_SCENES"):
        return Scene
    try:
        from manim_slides import Slide
    except ImportError:
        return Scene
    return Slide


_Base = _base_scene()
SLIDES_AVAILABLE = _Base is not Scene
"""True when scenes are manim-slides ``Slide`` objects (one slide per beat)."""


@dataclass(frozen=True)
class Beat:
    """One pause of the lecture: its position in the scene and the speaker note."""

    index: int
    note: str


SPEAKING_RATE = 2.5
"""Words per second of a calm lecturer (150 words a minute)."""


def speaking_time(note: str) -> float:
    """Seconds it takes to say ``note`` at :data:`SPEAKING_RATE`."""
    return len(note.split()) / SPEAKING_RATE


def slides_folder(
    quality: str | None = None, media_dir: str | Path | None = None
) -> Path:
    """Where manim-slides keeps the slides of one quality: ``<media>/slides/<quality>``.

    One folder per quality, named as Manim names its video folders (``480p15``,
    ``1080p60``; default: the quality being rendered), so the slides of a ``-ql``
    render never mix with those of a ``-qh`` one. It holds ``<Scene>.json`` and
    ``files/<Scene>/``.
    """
    quality = quality or f"{config.pixel_height}p{config.frame_rate:g}"
    return Path(media_dir or config.media_dir).resolve() / "slides" / quality


def allow_overlap(a: Mobject, b: Mobject) -> None:
    """Declare that ``a`` and ``b`` may overlap on purpose (the layout tests skip them)."""
    for mob, other in ((a, b), (b, a)):
        mob.allowed_overlaps = tuple(getattr(mob, "allowed_overlaps", ())) + (other,)


class LectureScene(_Base):  # type: ignore[misc, valid-type]
    """Base class of the lecture's scenes: an example, its values, and beats.

    Attributes
    ----------
    example_role : str
        Which example of :mod:`bpmath.examples` the scene shows: ``"chain"``, ``"wide"``
        or ``"training"``. A user's TOML file named by ``BPMATH_<ROLE>`` replaces it.
    beat_pause : float
        The least stillness at the end of a beat, in seconds. A beat lasts at least as
        long as its note takes to say (:func:`speaking_time`), so the video keeps the
        pace of the lecture even without a voice.
    """

    example_role: ClassVar[str] = "chain"
    fixed_example: ClassVar[bpmath.Example | None] = None
    beat_pause: ClassVar[float] = 1.0
    beat_hooks: ClassVar[list[Callable[[LectureScene, Beat], None]]] = []
    skip_reversing: ClassVar[bool] = True
    """manim-slides: no reversed copy of every slide (backwards playback is rarely used,
    and making it doubles the cost of a 1080p render)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        writes_movie = config.write_to_movie
        super().__init__(*args, **kwargs)
        # manim-slides forces write_to_movie on; a still (-s) or dry run keeps it off.
        self._writes_movie = writes_movie
        self._slides_enabled = SLIDES_AVAILABLE and writes_movie
        config.write_to_movie = writes_movie
        if self._slides_enabled:
            self._output_folder = slides_folder()
        stills.install(self)  # still stretches encoded cheaply, bit for bit the same
        # The lecture's background travels with the scene, wherever it is reused.
        self.camera.background_color = BACKGROUND
        self.example = self.fixed_example or bpmath.examples.get(self.example_role)
        check_drawable(self.example, self.example_role)  # refuse before drawing
        self.values = ExampleValues(self.example)
        self.beats: list[Beat] = []
        self.captions: list[Cue] = []

    @classmethod
    def with_example(cls, example: bpmath.Example) -> type[LectureScene]:
        """A subclass of this scene that shows ``example`` (for tests and reuse)."""
        example.check_role(cls.example_role)
        check_drawable(example, cls.example_role)
        return type(cls.__name__, (cls,), {"fixed_example": example})

    @contextmanager
    def beat(self, note: str) -> Iterator[Beat]:
        """Run the body as one beat whose speaker note is ``note``."""
        note = " ".join(note.split())
        current = Beat(len(self.beats), note)
        self.beats.append(current)
        if self._slides_enabled:
            self.next_slide(notes=note)
        started = self.renderer.time
        yield current
        pause = max(
            self.beat_pause, speaking_time(note) - (self.renderer.time - started)
        )
        if pause > 0:
            self.wait(pause)
        self._caption_beat(note, started)
        for hook in list(type(self).beat_hooks):
            hook(self, current)

    def _caption_beat(self, note: str, started: float) -> None:
        """Caption the beat that ran from ``started`` until now with its note.

        The cues are kept in :attr:`captions`; when a video is written they are also
        Manim subcaptions, which Manim saves as an ``.srt`` file beside the video.
        """
        now = self.renderer.time
        cues = beat_cues(note, started, now)
        self.captions.extend(cues)
        if self._writes_movie:
            for cue in cues:
                self.add_subcaption(
                    cue.text, duration=cue.duration, offset=cue.start - now
                )

    def render(self, *args: Any, **kwargs: Any) -> None:
        """Render; the slide deck is saved only when a movie was written."""
        if self._slides_enabled:
            super().render(*args, **kwargs)
        else:
            Scene.render(self, *args, **kwargs)

    @property
    def notes(self) -> list[str]:
        """The speaker notes of the beats played so far."""
        return [b.note for b in self.beats]
