"""Marks in notes: parsed, hidden from what is shown, and the picture waits for their word.

Timing is checked against the speech itself: the stand-in voice hums one sound per word
with a silent gap between words, so each word's onset can be found in the soundtrack's
samples, independently of how the narrator computed the mark.
"""

from __future__ import annotations

import numpy as np
import pytest
from manim import UP, FadeIn, MathTex, linear

from scenes.kit.beats import LONGEST_PHRASE, SPARE, LectureScene
from scenes.kit.pointer import PointerFrame, in_turn, point_at
from scenes.narration.marks import MarkError, parse_note, share_time, strip_marks
from tests.scenes.harness import build_scene
from tests.scenes.sample_scene import SAMPLE, SampleScene

FIRST = "First the output activation [cost] and then the cost of this [one] one example."
SECOND = "Then how sensitive that cost is to the [weight] last weight, as one [end] number."


class MarkedScene(SampleScene):
    """Two beats whose animations wait for marked words."""

    def construct(self) -> None:
        """Show three labels, each on its word; point at the first on a later word."""
        self.started = {}
        with self.beat(FIRST):
            a = MathTex("a").to_edge(UP)
            self.play(FadeIn(a))
            self.wait_until_mark("cost")
            self.started["cost"] = self.renderer.time
            self.play(FadeIn(MathTex("C").next_to(a, 2 * UP * -1), rate_func=linear))
            self.play_at("one", point_at(a))
            self.started["one"] = self.renderer.time - 1.0
        with self.beat(SECOND):
            self.wait_until_mark("weight")
            self.started["weight"] = self.renderer.time
            self.play(FadeIn(MathTex("w").shift(UP), rate_func=linear))
            self.wait_until_mark("end")
            self.started["end"] = self.renderer.time


class UnknownMarkScene(SampleScene):
    def construct(self) -> None:
        with self.beat("A note with a [real] mark in it, and a scene that asks for another."):
            self.wait_until_mark("imagined")


class RepeatedMarkScene(SampleScene):
    def construct(self) -> None:
        with self.beat("A note that places [twice] one mark [twice] in the same beat."):
            pass


class TwiceWaitedScene(SampleScene):
    def construct(self) -> None:
        with self.beat("A note whose [once] mark is waited for twice by the scene code."):
            self.wait_until_mark("once")
            self.wait_until_mark("once")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BACKPROP_NARRATION_CACHE", str(folder))
    return folder


def onsets(scene: LectureScene, start: float, end: float) -> list[float]:
    """Word onsets heard in the soundtrack between ``start`` and ``end`` (scene seconds)."""
    found = []
    for t, clip in sorted(scene.soundtrack.clips, key=lambda tc: tc[0]):
        if not start - 1e-6 <= t < end:
            continue
        window = int(0.005 * clip.rate)
        n = len(clip.samples) // window
        level = np.sqrt(np.mean(clip.samples[: n * window].reshape(n, window) ** 2, axis=1))
        loud = level > 0.02 * level.max()
        rising = np.flatnonzero(loud[1:] & ~loud[:-1]) + 1
        found += [t + i * window / clip.rate for i in ([0] if loud[0] else []) + list(rising)]
    return found


def test_marks_are_parsed_to_the_word_they_precede():
    """A mark's index names the word after it; touching marks and the end work too."""
    note = parse_note("[a]Alpha beta [b] gamma[c] delta [end]")
    assert note.text == "Alpha beta gamma delta"
    assert note.marks == {"a": 0, "b": 2, "c": 3, "end": 4}
    assert strip_marks("Plain [0, 1] interval, [C] a mark.") == "Plain [0, 1] interval, a mark."


def test_share_time_follows_word_length():
    """Longer words take longer; the share is deterministic and ends at the duration."""
    words = ["a", "considerably", "b"]
    assert share_time(words, 1, 6.0) == pytest.approx(6.0 * 3 / 20)
    assert share_time(words, 3, 6.0) == pytest.approx(6.0)


def test_marks_never_reach_captions_or_notes(cache):
    """Beats keep the clean note for captions and slides, and the marked one for the script."""
    scene, run = build_scene(SAMPLE, MarkedScene)
    assert [b.note for b in scene.beats] == [strip_marks(FIRST), strip_marks(SECOND)]
    assert scene.beats[0].marked == FIRST
    shown = " ".join(c.text for c in run.captions) + " ".join(scene.notes)
    assert "[" not in shown and "]" not in shown, shown


def test_each_marked_animation_starts_on_its_word(cache):
    """With the stand-in voice, the picture moves within a frame of the word's onset."""
    scene, run = build_scene(SAMPLE, MarkedScene)
    frame = 1 / 15  # the harness renders at 15 fps
    beat_starts = [0.0, run.snapshots[0].time]
    # (beat, index of the word after the mark), counted by hand from the notes above
    words = {"cost": (0, 4), "one": (0, 10), "weight": (1, 8), "end": (1, 12)}
    for name, (beat, index) in words.items():
        heard = onsets(scene, beat_starts[beat], run.snapshots[beat].time)
        assert len(heard) == len(scene.beats[beat].note.split()), (
            f"beat {beat}: {len(heard)} hums for {len(scene.beats[beat].note.split())} words"
        )
        assert abs(scene.started[name] - heard[index]) <= frame, (
            f"[{name}] animation at {scene.started[name]:.3f} s, its word"
            f" {scene.beats[beat].note.split()[index]!r} heard at {heard[index]:.3f} s"
        )
    assert not scene.late_marks


def test_layout_is_snapshotted_at_every_mark(cache):
    """The harness records the screen at each mark waited for, in order."""
    _, run = build_scene(SAMPLE, MarkedScene)
    assert [name for name, _ in run.marks] == ["cost", "one", "weight", "end"]


def test_silent_marks_follow_the_reading_time(cache, monkeypatch):
    """NARRATION=off: a mark falls at its word's share of the note's reading time."""
    monkeypatch.setenv("NARRATION", "off")
    scene, run = build_scene(SAMPLE, MarkedScene)
    words = scene.beats[0].note.split()
    reading = len(words) / 2.5
    assert scene.started["cost"] == pytest.approx(share_time(words, 4, reading))
    assert scene.started["cost"] < scene.started["one"] < run.snapshots[0].time


@pytest.mark.parametrize(
    ("scene_class", "message"),
    [
        (UnknownMarkScene, r"test_marks beat 00: the mark \[imagined\] is waited for but"
         r" not placed in the note \(marks placed there: \[real\]\)"),
        (RepeatedMarkScene, r"test_marks beat 00: the mark \[twice\] is placed twice"),
        (TwiceWaitedScene, r"test_marks beat 00: the mark \[once\] is waited for twice"),
    ],
)
def test_a_wrong_mark_is_named(cache, scene_class, message):
    """Unknown, repeated and twice-waited marks name the scene, the beat and the mark."""
    with pytest.raises(MarkError, match=message):
        build_scene(SAMPLE, scene_class)


def test_the_pointer_stays_on_screen_and_leaves_nothing():
    """Framing something at the screen's corner keeps the frame inside the screen."""
    from manim import DR, Square, config

    corner = Square(0.5).to_corner(DR, buff=0.0)
    frame = PointerFrame(corner)
    assert frame.get_right()[0] <= config.frame_width / 2
    assert frame.get_bottom()[1] >= -config.frame_height / 2
    with pytest.raises(ValueError, match="at least one mobject"):
        PointerFrame()


def test_pointers_in_turn_show_each_frame_only_in_its_turn():
    """in_turn: while the first pointer plays, the second frame is not drawn yet."""
    from manim import LEFT, RIGHT, Scene, Square

    first, second = Square(0.5).shift(LEFT), Square(0.5).shift(RIGHT)
    animation = in_turn(point_at(first), point_at(second))
    animation._setup_scene(Scene())
    animation.begin()
    animation.interpolate(0.25)  # halfway through the first pointing
    frames = [a.animations[0].mobject for a in animation.animations]
    assert all(isinstance(f, PointerFrame) for f in frames)
    drawn = [float(np.ptp(f.points, axis=0).max()) if len(f.points) else 0.0 for f in frames]
    assert drawn[0] > 0.1, "the first frame is being drawn"
    assert drawn[1] < 1e-6, "the second frame must not be on screen before its turn"
    animation.interpolate(1.0)
    animation.finish()


class SlideNotesScene(MarkedScene):
    """The marked scene as a slide deck would play it: notes recorded per slide."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._slides_enabled = True
        self.slide_notes = []

    def next_slide(self, notes: str = "", **kwargs) -> None:
        self.slide_notes.append(notes)

    def render(self, *args, **kwargs) -> None:
        from manim import Scene

        Scene.render(self, *args, **kwargs)


def test_slide_notes_carry_no_marks(cache):
    """Each slide's speaker notes (the deck's and the PPTX's) are the note without marks."""
    scene, _ = build_scene(SAMPLE, SlideNotesScene)
    assert scene.slide_notes == [strip_marks(FIRST), strip_marks(SECOND)]


@pytest.mark.render
def test_a_rendered_animation_starts_on_the_frame_of_its_word(tmp_path):
    """Rendered at -ql with the stand-in voice: the picture changes on each marked word.

    Both sides are measured in the video file: the words' onsets in its sound track (one
    hum per word), the animations' first changed frames in its picture.
    """
    import os
    import subprocess
    import sys
    from pathlib import Path

    from scenes.narration.listen import decode_sound

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, BACKPROP_VOICE="stand-in", PYTHONPATH=str(root),
               BACKPROP_NARRATION_CACHE=str(tmp_path / "cache"))
    proc = subprocess.run(
        [sys.executable, "-m", "manim", "render", "-ql", "--progress_bar", "none",
         "--disable_caching", "--media_dir", str(tmp_path / "media"), __file__,
         "MarkedScene"],
        cwd=root, env=env, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    video = tmp_path / "media/videos/test_marks/480p15/MarkedScene.mp4"
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(video), "-vf", "format=gray", "-f",
         "rawvideo", "-"], capture_output=True, check=True,
    ).stdout
    frames = np.frombuffer(raw, np.uint8).reshape(-1, 480, 854).astype(np.int16)
    changed = [i for i in range(1, len(frames))
               if np.count_nonzero(np.abs(frames[i] - frames[i - 1]) > 8) > 3]
    sound = decode_sound(video)
    window = 240  # 5 ms at 48 kHz
    n = len(sound) // window
    level = np.sqrt(np.mean(sound[: n * window].reshape(n, window) ** 2, axis=1))
    loud = level > 0.02 * level.max()
    onsets = (np.flatnonzero(loud[1:] & ~loud[:-1]) + 1) * window / 48_000
    first_words = len(strip_marks(FIRST).split())
    # Linear fade-ins show on their first frame after the start (a smooth one would
    # change too little to see for a few frames); the pointer's start is not measured.
    for name, word in {"cost": 4, "weight": first_words + 8}.items():
        onset = onsets[word]
        after = [i for i in changed if i / 15 >= onset - 1 / 15]
        assert after, f"[{name}]: nothing moves after its word at {onset:.3f} s"
        start = after[0] - 1  # the animation's first frame draws it at alpha 0
        assert abs(start - int(onset * 15)) <= 1, (
            f"[{name}]: the picture starts changing on frame {start} ({start / 15:.3f} s),"
            f" its word is heard at {onset:.3f} s (frame {int(onset * 15)})"
        )


class UntilScene(SampleScene):
    """An animation stretched over the words between two marks, and to the beat's end."""

    def construct(self) -> None:
        with self.beat(FIRST):
            self.play_at("cost", FadeIn(MathTex("C")), until="one")
            self.reached_one = self.renderer.time
            self.mark_time_log = {"one": self.mark_time("one")}
            self.play_at("one", FadeIn(MathTex("a").to_edge(UP)), until="end")
            self.reached_end = self.renderer.time


def test_an_animation_can_last_until_the_next_mark(cache):
    """until= stretches an animation over its phrase: it ends just before the next word."""
    scene, run = build_scene(SAMPLE, UntilScene)
    assert scene.reached_one == pytest.approx(scene.mark_time_log["one"] - SPARE, abs=1e-6)
    assert scene.reached_end < run.snapshots[0].time
    assert not scene.late_marks


class NextScene(SampleScene):
    """until="next": from the beat's start to its first mark, then past its last mark."""

    def construct(self) -> None:
        with self.beat(SECOND):
            self.play_at(None, FadeIn(MathTex("w")), until="next")
            self.reached_weight = self.renderer.time
            self.weight_at = self.mark_time("weight")
            self.play_at("weight", FadeIn(MathTex("a").to_edge(UP)), until="next")
            self.reached_end_mark = self.renderer.time
            self.end_mark_at = self.mark_time("end")
            self.play_at("end", FadeIn(MathTex("C").to_edge(UP)), until="next", at_most=0.2)
            self.last_run = self.renderer.time - self.end_mark_at


def test_until_next_runs_to_the_next_mark_and_the_last_one_is_capped(cache):
    """until="next" ends SPARE s before the next mark's word; with none left, at_most caps it."""
    scene, _ = build_scene(SAMPLE, NextScene)
    assert scene.reached_weight == pytest.approx(scene.weight_at - SPARE, abs=1e-6)
    gap = scene.end_mark_at - scene.weight_at
    expected = scene.weight_at + min(LONGEST_PHRASE, gap - SPARE)
    assert scene.reached_end_mark == pytest.approx(expected, abs=1e-6)
    assert scene.last_run == pytest.approx(0.2, abs=1e-6)
    assert not scene.late_marks
