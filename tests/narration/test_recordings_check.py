"""Issue 20 through the render runner: every bad recording named up front, in one run.

``python -m scenes.render`` (``make video``, ``make preview``) checks every file of
``VOICE_DIR`` before any scene starts; a plain ``manim`` render of one scene ends with
the same line. Step 5's beat list is seeded (:mod:`tests.narration.recording_cases`).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from scenes import render
from scenes.narration import beatlist, runner
from scenes.narration.recordings import RecordingError
from tests.narration.recording_cases import CASES, STEP5, good, make, seed_beats

ROOT = render.ROOT


@pytest.fixture
def teacher(tmp_path, monkeypatch):
    """The stand-in voice, a seeded beat list for step 5, and VOICE_DIR=tmp/voice."""
    monkeypatch.setenv("BACKPROP_VOICE", "stand-in")
    monkeypatch.setenv(beatlist.ENV_BEATS_DIR, str(seed_beats(tmp_path / "beats")))
    folder = tmp_path / "voice"
    folder.mkdir()
    monkeypatch.setenv("VOICE_DIR", str(folder))
    return folder


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_bad_recording_stops_the_render_runner_before_any_scene(
    case, teacher, monkeypatch, capsys
):
    """One bad file: render.main stops before render_scenes, with one line naming it."""
    make(teacher, case)
    good(teacher / "s05_chain_rule-04.wav")  # a good file is not named
    monkeypatch.setattr(render, "render_scenes", lambda *a, **k: pytest.fail("rendered"))
    with pytest.raises(RecordingError) as stop:
        render.main(["--quality", "l"])
    name, _, words = CASES[case]
    lines = str(stop.value).splitlines()
    assert lines[0].startswith("error: 1 recording cannot be used")
    assert lines[1:] == [lines[-1]] and lines[-1].startswith(f"  {name}: ")
    assert words in lines[-1]
    assert "Traceback" not in capsys.readouterr().err


def run(*args: str, voice_dir, beats_dir, **env: str) -> subprocess.CompletedProcess:
    environment = dict(
        os.environ,
        VOICE_DIR=str(voice_dir),
        BACKPROP_VOICE="stand-in",
        **{beatlist.ENV_BEATS_DIR: str(beats_dir)},
        **env,
    )
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_every_bad_recording_is_named_in_one_run_of_the_render_command(tmp_path):
    """All six bad files of the issue, one line each, exit 1, no traceback, nothing run."""
    folder = make(tmp_path / "voice", *CASES)
    proc = run("-m", "scenes.render", "--quality", "l", voice_dir=folder,
               beats_dir=seed_beats(tmp_path / "beats"))
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "Traceback" not in out and "CancelledError" not in out
    assert "[1/" not in out, "a scene started"
    lines = proc.stderr.strip().splitlines()
    assert lines[-7].startswith("error: 6 recordings cannot be used")
    for (name, _, words), line in zip(sorted(CASES.values()), lines[-6:]):
        assert line.startswith(f"  {name}: ") and words in line, line


def test_a_plain_manim_render_ends_with_the_same_line(tmp_path):
    """`manim` of step 5 with a bad recording: the file's line is the last, no traceback."""
    for case in ("empty", "beat09"):
        folder = make(tmp_path / case, case)
        beats = seed_beats(tmp_path / "beats")  # (under the code as it is now)
        proc = run("-m", "manim", "-ql", "--dry_run", STEP5.path, STEP5.name,
                   voice_dir=folder, beats_dir=beats)
        name, _, words = CASES[case]
        last = (proc.stdout + proc.stderr).strip().splitlines()[-1]
        assert proc.returncode == 1
        assert last.startswith(f"  {name}: ") and words in last, last
        assert "Traceback" not in proc.stderr


def test_the_beats_are_listed_by_a_dry_run_once_then_kept(tmp_path, monkeypatch):
    """Step 5's real beats come from one dry run; the next check starts no process."""
    folder = tmp_path / "beats"
    lines: list[str] = []
    notes = beatlist.beat_notes([STEP5], folder=folder, log=lines.append)
    assert len(notes[STEP5.module]) == 5, "step 5 has beats 00 to 04"
    assert lines == ["narration: listing the beats of step 5 (once, a few seconds a scene)"]
    assert not any("[" in note for note in notes[STEP5.module]), "notes without marks"
    monkeypatch.setattr(beatlist.subprocess, "run", lambda *a, **k: pytest.fail("again"))
    assert beatlist.beat_notes([STEP5], folder=folder, log=pytest.fail) == notes


def test_the_summary_counts_the_recordings_of_each_scene(teacher):
    """One line per scene with recordings, then the total."""
    for name in ("s05_chain_rule-00.wav", "s05_chain_rule-03.flac"):
        good(teacher / name, 3.0)
    lines: list[str] = []
    plan = runner.check_narration(log=lines.append)
    assert lines == [
        "narration: step 5: 2 of 5 beats from your recordings"
        " (s05_chain_rule-00.wav, s05_chain_rule-03.flac)",
        "narration: 2 beats from your recordings in 1 scene (step 5);"
        " the voice (stand-in) speaks every other beat",
    ]
    assert plan.total() == lines[-1]
    (teacher / "s05_chain_rule-03.flac").unlink()
    lines.clear()
    runner.check_narration(log=lines.append)
    assert lines[0] == (
        "narration: step 5: 1 of 5 beats from your recordings (s05_chain_rule-00.wav)"
    )
    assert lines[1].startswith("narration: 1 beat from your recordings in 1 scene (step 5)")
    (teacher / "s05_chain_rule-00.wav").unlink()
    lines.clear()
    runner.check_narration(log=lines.append)
    assert lines == [
        f"narration: no recordings for these scenes in {teacher}; the voice (stand-in)"
        " speaks every beat"
    ]


def test_a_failing_scene_is_named_not_cancelled(monkeypatch, tmp_path):
    """With one process, a failed scene cancels the rest: its error is raised, not
    CancelledError."""

    def fail(job, digest, log):
        raise render.SceneRenderError(job.entry, "boom")

    monkeypatch.setattr(render, "_render_one", fail)
    with pytest.raises(render.SceneRenderError, match="boom"):
        render.render_scenes(render.SCENES[:3], "l", jobs=1, media_dir=tmp_path,
                             log=lambda line: None, force=True)


def test_a_recording_re_renders_its_scene_only(monkeypatch, tmp_path):
    """Through the runner's up-to-date check: adding a recording for step 5 re-renders
    step 5 alone (not step 4), and removing it re-renders step 5 again."""
    from scenes.perf import placement

    def fake(job, digest, log):  # writes what a render writes, in no time
        job.video.parent.mkdir(parents=True, exist_ok=True)
        job.video.write_bytes(b"video")
        if job.slides:
            job.slide_deck.parent.mkdir(parents=True, exist_ok=True)
            job.slide_deck.write_text("{}")
        placement.write_text_atomically(job.stamp, f"{digest}\n1.0\n\n")
        return render.Usage(1.0, 0), None

    monkeypatch.setattr(render, "_render_one", fake)
    folder = tmp_path / "voice"
    folder.mkdir()
    monkeypatch.setenv("VOICE_DIR", str(folder))
    steps = [e for e in render.SCENES if e.step in (4, 5)]

    def rendered() -> list[int]:
        done = render.render_scenes(steps, "l", media_dir=tmp_path / "media",
                                    log=lambda line: None, jobs=1)
        return [s.entry.step for s in done if s.rendered]

    assert rendered() == [4, 5]
    assert rendered() == []
    good(folder / "s05_chain_rule-00.wav", 3.0)
    assert rendered() == [5], "a recording for step 5 re-renders step 5 only"
    good(folder / "s05_chain_rule-00.wav", 4.0)
    assert rendered() == [5], "a changed recording too"
    (folder / "s05_chain_rule-00.wav").unlink()
    assert rendered() == [5], "and a removed one"
    assert rendered() == []
