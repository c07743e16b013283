"""NARRATION=off renders today's silent lecture; make voice-script lists every beat."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scenes.kit.beats import speaking_time
from scenes.narration import script
from scenes.narration.narrator import narration_enabled
from scenes.narration.spoken import spoken_form
from tests.scenes.harness import build_scene
from tests.scenes.sample_scene import SAMPLE, SampleScene

ROOT = Path(__file__).resolve().parents[2]


def test_silent_scenes_have_no_voice_and_the_reading_pace(monkeypatch):
    """NARRATION=off: no narrator, no clips, each beat as long as its note takes to read."""
    monkeypatch.setenv("NARRATION", "off")
    scene, run = build_scene(SAMPLE, SampleScene)
    assert scene.narrator is None and not scene.soundtrack.clips
    start = 0.0
    for snap in run.snapshots:
        assert snap.time - start >= speaking_time(snap.beat.note) - 1e-6
        start = snap.time


@pytest.mark.parametrize("value", ["maybe", "of"])
def test_a_bad_narration_switch_is_named(monkeypatch, value):
    """NARRATION takes on or off; anything else is an error that says so."""
    monkeypatch.setenv("NARRATION", value)
    with pytest.raises(ValueError, match=f"NARRATION='{value}': use on or off"):
        narration_enabled()


def test_a_silent_render_has_no_sound_track(tmp_path):
    """manim with NARRATION=off writes a video with no audio stream."""
    env = dict(os.environ, NARRATION="off", PYTHONPATH=str(ROOT))
    subprocess.run(
        [sys.executable, "-m", "manim", "render", "-ql", "--progress_bar", "none",
         "--disable_caching", "--media_dir", str(tmp_path),
         str(ROOT / "tests/scenes/sample_scene.py"), "SampleScene"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )
    video = tmp_path / "videos/sample_scene/480p15/SampleScene.mp4"
    kinds = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of",
         "csv=p=0", str(video)],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    assert kinds == ["video"], kinds


def test_the_voice_script_lists_every_beat_with_its_file_and_text(monkeypatch):
    """One entry per beat, in order: the recording's name, the spoken text, the note."""
    monkeypatch.setenv("NARRATION", "on")
    monkeypatch.setenv("BACKPROP_PLAIN_SCENES", "1")
    monkeypatch.setattr("scenes.lecture.SCENES", (SAMPLE,))
    lines = script.collect()
    assert [line.file for line in lines] == ["sample_scene-00.wav", "sample_scene-01.wav"]
    assert all(line.say == spoken_form(line.note) for line in lines)
    text = script.render_script(lines)
    for line in lines:
        assert f"`{line.file}`" in text and line.say in text and line.note in text
    assert text.index("sample_scene-00") < text.index("sample_scene-01")
