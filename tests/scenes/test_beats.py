"""Scenes are sequences of beats with notes, and become slides when manim-slides is there."""

from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

import bpmath
from scenes.kit import beats
from tests.scenes.harness import build
from tests.scenes.other_examples import example_for
from tests.scenes.sample_scene import SAMPLE, SampleScene


def _slides_available(plain: bool) -> str:
    env = {k: v for k, v in os.environ.items() if k != "BACKPROP_PLAIN_SCENES"}
    if plain:
        env["BACKPROP_PLAIN_SCENES"] = "1"
    code = "import scenes.kit.beats as b; print(b.SLIDES_AVAILABLE, b.LectureScene.__mro__[1].__name__)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_scenes_are_slides_when_manim_slides_is_installed():
    """With manim-slides importable, LectureScene derives from manim_slides.Slide."""
    assert _slides_available(plain=False) == "True Slide"


def test_plain_scenes_can_be_forced():
    """BACKPROP_PLAIN_SCENES=1 gives a plain manim Scene."""
    assert _slides_available(plain=True) == "False Scene"


@pytest.mark.render
def test_notes_are_recorded_beat_by_beat():
    """Each beat's note is kept in order, and hooks see each beat once."""
    run = build(SAMPLE)
    notes = [s.beat.note for s in run.snapshots]
    assert [s.beat.index for s in run.snapshots] == [0, 1]
    assert notes[0].startswith("First the output") and notes[1].startswith("Then how")


@pytest.mark.render
def test_with_example_swaps_the_example():
    """with_example builds the scene on another example; the default is untouched."""
    other = example_for("chain")
    run = build(SAMPLE, other)
    assert run.example is other
    assert SampleScene.fixed_example is None


def test_with_example_refuses_the_wrong_role():
    """A wide network cannot play the chain role."""
    with pytest.raises(ValueError, match="one neuron per layer"):
        SampleScene.with_example(bpmath.examples.wide())


@pytest.mark.render
def test_hooks_run_once_per_beat_and_are_removed_after_a_build():
    """A beat hook sees each beat exactly once, in order; build() leaves no hook behind."""
    seen = []

    def hook(scene, beat):
        seen.append((beat.index, beat.note))

    before = list(beats.LectureScene.beat_hooks)
    beats.LectureScene.beat_hooks.append(hook)
    try:
        run = build(SAMPLE)
    finally:
        beats.LectureScene.beat_hooks.remove(hook)
    assert seen == [(s.beat.index, s.beat.note) for s in run.snapshots], seen
    assert [i for i, _ in seen] == [0, 1], f"hook calls by beat index: {seen}"
    assert beats.LectureScene.beat_hooks == before, "build() left a hook registered"


@pytest.mark.render
def test_a_real_scene_starts_one_slide_per_beat_with_its_note(monkeypatch):
    """With slides enabled, a real scene calls next_slide(notes=<beat note>) per beat."""
    from manim import tempconfig

    calls = []
    with tempconfig({"dry_run": True, "pixel_width": 320, "pixel_height": 180}):
        scene = SampleScene(skip_animations=True)
        monkeypatch.setattr(scene, "_slides_enabled", True, raising=False)
        monkeypatch.setattr(
            scene, "next_slide", lambda **kw: calls.append(kw), raising=False
        )
        scene.construct()
    assert calls == [{"notes": note} for note in scene.notes], calls
    assert len(calls) == 2, f"expected one slide per beat (2), got {len(calls)}"


class FakeScene:
    """Just what LectureScene.beat uses: a clock, waits, subcaptions, hooks."""

    _slides_enabled = False
    _writes_movie = True
    _caption_beat = beats.LectureScene._caption_beat
    _speak = beats.LectureScene._speak
    _where = beats.LectureScene._where
    module_name = "fake_scene"
    narrator = None  # silent: the timing of NARRATION=off (narration has its own tests)
    beat_pause = 0.0
    beat_hooks: list = []

    def __init__(self):
        self.beats, self.captions, self.subcaptions = [], [], []
        self.renderer = SimpleNamespace(time=0.0)

    def wait(self, seconds):
        self.renderer.time += seconds

    def add_subcaption(self, content, duration, offset):
        now = self.renderer.time
        self.subcaptions.append((now + offset, now + offset + duration, content))


def test_each_beat_starts_a_slide_with_its_note(monkeypatch):
    """With slides enabled, beat() calls next_slide(notes=...) once per beat."""
    calls = []

    class Recorder(FakeScene):
        _slides_enabled = True
        beat_pause = 0

        def next_slide(self, **kwargs):
            calls.append(kwargs)

    recorder = Recorder()
    for note in ("one beat, with a note", "another beat, another note"):
        with beats.LectureScene.beat(recorder, note):
            pass
    assert calls == [
        {"notes": "one beat, with a note"},
        {"notes": "another beat, another note"},
    ]


def test_a_beat_lasts_as_long_as_its_note_takes_to_say():
    """The pause tops the beat's animations up to the note's speaking time."""

    class Clock(FakeScene):
        beat_pause = 0.5

    clock = Clock()
    note = " ".join(["word"] * 25)  # 10 s at 2.5 words per second
    with beats.LectureScene.beat(clock, note):
        clock.renderer.time += 3.0  # the beat's animations
    assert (
        clock.renderer.time
        == pytest.approx(beats.speaking_time(note))
        == pytest.approx(10.0)
    )
    with beats.LectureScene.beat(clock, "short"):
        clock.renderer.time += 4.0
    assert clock.renderer.time == pytest.approx(14.5), (
        "a long beat still gets beat_pause"
    )


def test_a_beat_adds_its_captions_as_subcaptions_inside_the_beat():
    """After the pause, the note's cues become Manim subcaptions inside the beat."""
    scene = FakeScene()
    scene.renderer.time = 5.0
    note = "First the output activation and the cost. Then its slope, as one number."
    with beats.LectureScene.beat(scene, f"  {note}\n   "):
        scene.renderer.time += 2.0
    end = 5.0 + beats.speaking_time(note)
    assert scene.renderer.time == pytest.approx(end)
    assert len(scene.subcaptions) == len(scene.captions) >= 2
    for cue, (start, stop, text) in zip(scene.captions, scene.subcaptions):
        assert (start, stop, text) == (
            pytest.approx(cue.start),
            pytest.approx(cue.end),
            cue.text,
        )
    assert scene.captions[0].start == pytest.approx(5.0)
    assert scene.captions[-1].end == pytest.approx(end)
    assert " ".join(c.text.replace("\n", " ") for c in scene.captions) == note
    assert scene.beats[0].note == note, "the note is stored with its spacing tidied"


def test_no_subcaptions_without_a_video():
    """A still or dry run keeps the cues but adds no subcaption (Manim would fail)."""
    scene = FakeScene()
    scene._writes_movie = False
    with beats.LectureScene.beat(scene, "A beat with a note but no video to go with it."):
        pass
    assert scene.captions and not scene.subcaptions
