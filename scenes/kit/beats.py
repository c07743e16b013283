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

Each beat is spoken (:mod:`scenes.narration`): its note, read aloud as a lecturer would,
starts with the beat, and the beat lasts until the last word is said plus a breath (or
until its animations end, if later). Each caption cue is on screen while it is spoken.
``NARRATION=off`` renders the silent lecture: a beat then lasts as long as its note
would take to say at :data:`SPEAKING_RATE`, and its cues share that time.

Each beat is captioned: its cues are kept in :attr:`LectureScene.captions` and added as
Manim subcaptions, so rendering a scene writes its ``.srt`` beside its video.

A note can hold marks (:mod:`scenes.narration.marks`): ``[name]`` just before a word.
The scene waits for the voice to reach that word with :meth:`LectureScene.wait_until_mark`
(or plays on it with :meth:`LectureScene.play_at`), so the picture changes on the word::

    with self.beat("Nudge the weight a little. [sum] The weighted sum shifts."):
        self.play(nudge)
        self.play_at("sum", point_at(z_line))

The mark's time comes from the speech itself: the synthetic voice's clip aligned with
its words, a teacher's recording aligned with the note, or, when the lecture is silent,
the word's share of the note's reading time. Marks never reach captions or slide notes.

Tests hook into :attr:`LectureScene.beat_hooks` to inspect the screen after every beat,
and into :attr:`LectureScene.mark_hooks` to inspect it at every mark.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from manim import Mobject, Scene, config, logger

import bpmath
from scenes.kit.limits import check_drawable
from scenes.kit.style import BACKGROUND
from scenes.kit.values import ExampleValues
from scenes.narration import soundtrack
from scenes.narration.captions import Cue, beat_cues
from scenes.narration.marks import MarkError, parse_note, share_time
from scenes.narration.narrator import BREATH, BeatSpeech, Narrator
from scenes.narration.recordings import RecordingError, beat_id
from scenes.perf import stills

__all__ = [
    "Beat",
    "LateMark",
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
    """One pause of the lecture: its position in the scene and the speaker note.

    ``note`` is the note as shown and spoken (without marks); ``marks`` maps each mark
    to the index of the word of ``note`` it precedes; ``marked`` is the note with its
    marks, as the voice script shows it.
    """

    index: int
    note: str
    marks: Mapping[str, int] = field(default_factory=dict)
    marked: str = ""


@dataclass(frozen=True)
class LateMark:
    """A mark the animations before it ran past: the picture moved ``late`` s after the word."""

    beat: int
    mark: str
    late: float


LONGEST_PHRASE = 4.0
"""The longest an animation is stretched to fill the words it illustrates (seconds)."""

SPARE = 0.2
"""Seconds of stillness a stretched animation leaves before the next mark's word."""

SHORTEST_STEP = 0.4
"""The shortest a stretched animation runs when the words leave it time (seconds)."""

LAST_STEP = 1.0
"""The shortest a stretched animation runs after the beat's last mark (seconds)."""

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
    mark_hooks: ClassVar[list[Callable[[LectureScene, Beat, str], None]]] = []
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
        stills.install(self)  # still stretches encoded once (scenes.perf.stills)
        # The voice: None when NARRATION=off. Without a movie (a still, a dry run) no
        # new speech is made; its length is estimated instead.
        self.narrator = Narrator.from_environment(
            live=writes_movie and not config.dry_run
        )
        self.soundtrack = soundtrack.Soundtrack()
        if self.narrator is not None and writes_movie:
            soundtrack.install(self, self.soundtrack, self.narrator.summary)
        # The lecture's background travels with the scene, wherever it is reused.
        self.camera.background_color = BACKGROUND
        self.example = self.fixed_example or bpmath.examples.get(self.example_role)
        check_drawable(self.example, self.example_role)  # refuse before drawing
        self.values = ExampleValues(self.example)
        self.beats: list[Beat] = []
        self.captions: list[Cue] = []
        self.late_marks: list[LateMark] = []
        self._beat: Beat | None = None
        self._beat_started = 0.0
        self._mark_times: dict[str, float] = {}
        self._speech_end = 0.0
        self._waited: set[str] = set()

    @classmethod
    def with_example(cls, example: bpmath.Example) -> type[LectureScene]:
        """A subclass of this scene that shows ``example`` (for tests and reuse)."""
        example.check_role(cls.example_role)
        check_drawable(example, cls.example_role)
        return type(cls.__name__, (cls,), {"fixed_example": example})

    @property
    def module_name(self) -> str:
        """The scene's module (``s05_chain_rule``), which names its beats' recordings."""
        return type(self).construct.__module__.rsplit(".", 1)[-1]

    @contextmanager
    def beat(self, note: str, *, say: Mapping[str, str] | None = None) -> Iterator[Beat]:
        """Run the body as one beat whose speaker note is ``note``.

        ``note`` may hold marks (``[name]`` before a word) that the body waits for
        with :meth:`wait_until_mark`. ``say`` maps phrases of the note to how the voice
        says them, for the rare notation the spoken-form rules read unnaturally (the
        captions keep the note).

        Raises
        ------
        MarkError
            If a mark is placed twice in ``note``.
        """
        note_source = note
        index = len(self.beats)
        marked = parse_note(note, self._where(index))
        note = marked.text
        current = Beat(index, note, marked.marks, " ".join(note_source.split()))
        self.beats.append(current)
        if self._slides_enabled:
            self.next_slide(notes=note)
        started = self.renderer.time
        speech = self._speak(current, say)
        self._beat, self._beat_started, self._waited = current, started, set()
        self._speech_end = speech.duration if speech is not None else speaking_time(note)
        if speech is not None:
            self._mark_times = dict(speech.marks)
        else:
            words, reading = note.split(), speaking_time(note)
            self._mark_times = {
                name: share_time(words, i, reading) for name, i in marked.marks.items()
            }
        try:
            yield current
        finally:
            self._beat = None
        elapsed = self.renderer.time - started
        if speech is None:
            pause = max(self.beat_pause, speaking_time(note) - elapsed)
        else:
            pause = speech.duration + BREATH - elapsed
        if pause > 0:
            self.wait(pause)
        self._caption_beat(note, started, speech)
        for hook in list(type(self).beat_hooks):
            hook(self, current)

    def _speak(self, beat: Beat, say: Mapping[str, str] | None) -> BeatSpeech | None:
        """Start the beat's speech now (None when the lecture is silent)."""
        if self.narrator is None:
            return None
        speech = self.narrator.speak(
            beat_id(self.module_name, beat.index), beat.note, say, beat.marks
        )
        started = self.renderer.time
        for offset, clip in speech.clips:
            self.soundtrack.add(started + offset, clip)
        return speech

    def _where(self, index: int) -> str:
        """Names beat ``index`` of this scene in messages: ``s04_nudges beat 02``."""
        return f"{self.module_name} beat {index:02d}"

    def mark_time(self, name: str) -> float:
        """When the current beat's mark ``name`` is said, in the scene's seconds.

        Raises
        ------
        MarkError
            If no beat is running, or the mark is not in the current beat's note.
        """
        beat = self._beat
        if beat is None:
            raise MarkError(
                f"{self.module_name}: the mark [{name}] is waited for outside a beat"
            )
        if name not in beat.marks:
            placed = ", ".join(f"[{m}]" for m in beat.marks) or "none"
            raise MarkError(
                f"{self._where(beat.index)}: the mark [{name}] is waited for but not placed"
                f" in the note (marks placed there: {placed})"
            )
        return self._beat_started + self._mark_times[name]

    def wait_until_mark(self, name: str) -> None:
        """Hold the picture until the voice reaches the word after the mark ``[name]``.

        The next animation then starts on that word's frame. If the animations before
        the mark already ran past it, nothing waits; the lateness is kept in
        :attr:`late_marks` (and logged when over a frame), so a too-long animation is
        found rather than hidden.

        Raises
        ------
        MarkError
            If the mark is not in the current beat's note, or was waited for already.
        """
        target = self.mark_time(name)
        beat = self._beat
        assert beat is not None
        if name in self._waited:
            raise MarkError(
                f"{self._where(beat.index)}: the mark [{name}] is waited for twice"
            )
        self._waited.add(name)
        gap = target - self.renderer.time
        if gap > 1e-6:
            self.wait(gap)
        elif gap < -1e-6:
            self.late_marks.append(LateMark(beat.index, name, -gap))
            if -gap > 1.0 / config.frame_rate:
                logger.warning(
                    "%s: the mark [%s] is reached %.2f s after its word (the animations"
                    " before it run longer than the words)", self._where(beat.index),
                    name, -gap,
                )
        for hook in list(type(self).mark_hooks):
            hook(self, beat, name)

    def play_at(
        self,
        mark: str | None,
        *animations: Any,
        until: str | None = None,
        at_most: float = LONGEST_PHRASE,
        **kwargs: Any,
    ) -> None:
        """Wait for ``mark`` (:meth:`wait_until_mark`), then play ``animations`` on its word.

        ``mark=None`` plays them at once (for the beat's first words, before any mark).

        ``until`` makes the animations last as long as the words they illustrate, so a
        phrase is drawn while it is said rather than drawn at once and then held still:

        - ``"next"``: until the beat's next mark after ``mark`` (after now, for
          ``mark=None``), or until the beat's last word when no mark is left;
        - the name of another mark of the beat: until that mark;
        - ``"end"``: until the beat's last word.

        The animations then end :data:`SPARE` seconds before that word, so the next
        animation still starts on it; they last at least :data:`SHORTEST_STEP` (or the
        time left, if less; :data:`LAST_STEP` when no mark follows) and at most
        ``at_most`` seconds. Mark times come from the
        speech, so the run time is computed here, never fixed. Without ``until`` the
        animations keep their own ``run_time``.
        """
        if mark is not None:
            self.wait_until_mark(mark)
        if until is not None:
            kwargs["run_time"] = self._time_until(mark, until, at_most)
        self.play(*animations, **kwargs)

    def _time_until(self, mark: str | None, until: str, at_most: float) -> float:
        """The run time of an animation starting now that ends just before ``until``.

        Before a mark, the animation may shrink to the time left (at least a frame) so
        the mark's word is not missed; at the end of the speech no word follows, so it
        keeps at least :data:`LAST_STEP` (a pointer stays readable, the beat lasts a
        moment longer).
        """
        now = self.renderer.time
        end = self._beat_started + self._speech_end
        if until == "next":
            since = now if mark is None else self.mark_time(mark)
            beat = self._beat
            assert beat is not None
            ahead = [t for t in map(self.mark_time, beat.marks) if t > since + 1e-6]
            end = min(ahead, default=end)
            last = not ahead
        else:
            last = until == "end"
            end = end if last else self.mark_time(until)
        gap = end - now
        floor = LAST_STEP if last else min(SHORTEST_STEP, max(gap, 1.0 / config.frame_rate))
        return max(min(floor, at_most), min(at_most, gap - SPARE))

    def tear_down(self) -> None:
        """After the last beat: refuse recordings named after beats this scene lacks."""
        super().tear_down()
        recordings = self.narrator.recordings if self.narrator else None
        if recordings is not None:
            extra = recordings.unmatched(self.module_name, len(self.beats))
            if extra:
                names = ", ".join(p.name for p in extra)
                raise RecordingError(
                    f"{names}: {self.module_name} has {len(self.beats)} beats"
                    f" (00 to {len(self.beats) - 1:02d}); no beat has that number"
                )

    def _caption_beat(
        self, note: str, started: float, speech: BeatSpeech | None = None
    ) -> None:
        """Caption the beat that ran from ``started`` until now with its note.

        Spoken, each cue is on screen while it is said; silent, the cues share the
        beat. They are kept in :attr:`captions`; when a video is written they are
        also Manim subcaptions, which Manim saves as an ``.srt`` file beside the video.
        """
        now = self.renderer.time
        if speech is None:
            cues = beat_cues(note, started, now)
        else:
            cues = [Cue(started + c.start, started + c.end, c.text) for c in speech.cues]
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
