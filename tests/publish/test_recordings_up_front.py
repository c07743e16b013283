"""Issue 20 through `make lecture`'s code path (``python -m scenes.publish``).

Every bad recording of ``VOICE_DIR`` is named before any scene starts, all in one run,
one line each, with no traceback; the lecture's files of the last good run stay as they
were. Step 5's beat list is seeded (:mod:`tests.narration.recording_cases`).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from scenes.narration import beatlist
from scenes.publish import cli
from scenes.render import ROOT
from tests.narration.recording_cases import CASES, good, make, seed_beats


@pytest.fixture
def last_run(tmp_path, monkeypatch):
    """A lecture folder holding the last good run's files; nothing may render."""
    folder = tmp_path / "media" / "lecture" / "480p15"
    folder.mkdir(parents=True)
    for name in ("lecture.mp4", "lecture.srt", "lecture.pptx"):
        (folder / name).write_bytes(f"the last good {name}".encode())
    monkeypatch.setattr(cli, "lecture_folder", lambda quality: folder)
    monkeypatch.setattr(cli, "ROOT", tmp_path)
    monkeypatch.setattr(cli, "render_scenes", lambda *a, **k: pytest.fail("rendered"))
    monkeypatch.setattr(cli, "publish", lambda *a, **k: pytest.fail("published"))
    monkeypatch.setenv(beatlist.ENV_BEATS_DIR, str(seed_beats(tmp_path / "beats")))
    return folder


def snapshot(folder):
    """Every file under ``folder``: its size and modification time."""
    return {
        p.relative_to(folder): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_bad_recording_stops_make_lecture_before_any_scene(
    case, last_run, tmp_path, monkeypatch, capsys
):
    """One bad file among good ones: exit 1, its one line, the last run's files kept."""
    folder = make(tmp_path / "voice", case)
    good(folder / "s05_chain_rule-04.wav")
    monkeypatch.setenv("VOICE_DIR", str(folder))
    before = snapshot(last_run)
    assert cli.main(["--quality", "l"]) == 1
    err = capsys.readouterr().err
    name, _, words = CASES[case]
    lines = err.strip().splitlines()
    assert lines[0].startswith("error: 1 recording cannot be used")
    assert lines[1].startswith(f"  {name}: ") and words in lines[1]
    assert lines[2] == (
        "Nothing in media/lecture/480p15 was changed: the outputs of the last good run"
        " are still there."
    )
    assert len(lines) == 3 and "Traceback" not in err
    assert snapshot(last_run) == before


def test_every_bad_recording_is_named_in_one_run_of_make_lecture(tmp_path):
    """The real command: all six bad files, one line each, exit 1, no traceback, no
    CancelledError, no scene started, the lecture's files untouched."""
    folder = make(tmp_path / "voice", *CASES)
    lecture = cli.lecture_folder("l")
    before = snapshot(lecture) if lecture.is_dir() else None
    env = dict(
        os.environ,
        VOICE_DIR=str(folder),
        BACKPROP_VOICE="stand-in",
        **{beatlist.ENV_BEATS_DIR: str(seed_beats(tmp_path / "beats"))},
    )
    proc = subprocess.run(
        [sys.executable, "-m", "scenes.publish", "--quality", "l"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "Traceback" not in out and "CancelledError" not in out
    assert "[1/" not in out, "a scene started"
    lines = proc.stderr.strip().splitlines()
    assert lines[0].startswith("error: 6 recordings cannot be used")
    for (name, _, words), line in zip(sorted(CASES.values()), lines[1:7]):
        assert line.startswith(f"  {name}: ") and words in line, line
    assert lines[7].startswith("Nothing in media/lecture/480p15 was changed")
    if before is not None:
        assert snapshot(lecture) == before
