"""make lecture's command line: bad input and failures give clear messages, keep outputs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from scenes import render
from scenes.lecture import SCENES
from scenes.publish import cli, needs
from scenes.publish.needs import Need
from scenes.render import ROOT, SceneRenderError


def test_unknown_quality_is_named_with_the_choices(capsys):
    """QUALITY=x stops before anything happens, naming x and the valid letters."""
    assert cli.main(["--quality", "x"]) == 2
    err = capsys.readouterr().err
    assert "unknown QUALITY 'x'" in err and "l (480p15)" in err and "h (1080p60)" in err
    assert "Traceback" not in err


def test_make_lecture_passes_quality_through():
    """`make lecture QUALITY=q` runs the publisher at that quality."""
    out = subprocess.run(
        ["make", "-n", "lecture", "QUALITY=q"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    assert "-m scenes.publish --quality q" in out, out


def test_unknown_quality_from_the_command_line_exits_cleanly():
    """The real command prints one error line, no traceback, exit code 2."""
    proc = subprocess.run(
        [sys.executable, "-m", "scenes.publish", "--quality", "z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert (
        proc.stderr.startswith("error: unknown QUALITY 'z'")
        and "Traceback" not in proc.stderr
    )


def test_a_missing_dependency_is_named_with_how_to_install_it(monkeypatch, capsys):
    """A missing tool stops the run before rendering, with its install command."""
    fake = Need(
        "ffmpeg",
        "joins the scene videos",
        "apt-get install ffmpeg",
        "program",
        "no-such-ffmpeg-here",
    )
    monkeypatch.setattr(needs, "NEEDS", (*needs.NEEDS, fake))
    monkeypatch.setattr(
        cli, "render_scenes", lambda *a, **k: pytest.fail("rendered anyway")
    )
    assert cli.main(["--quality", "l"]) == 1
    err = capsys.readouterr().err
    assert "ffmpeg (joins the scene videos): install with apt-get install ffmpeg" in err


def test_every_dependency_is_installed_by_the_set_up():
    """make setup installed ffmpeg, ffprobe, manim-slides, python-pptx and reveal.js."""
    assert needs.missing() == []
    assert needs.reveal_version() == "6.0.1"


def test_a_failing_scene_is_named_and_the_last_outputs_are_kept(
    monkeypatch, capsys, tmp_path
):
    """A scene that fails to render is named; the previous lecture files are untouched."""
    folder = tmp_path / "lecture" / "480p15"
    folder.mkdir(parents=True)
    (folder / "lecture.mp4").write_bytes(b"the last good video")
    monkeypatch.setattr(cli, "lecture_folder", lambda quality: folder)
    monkeypatch.setattr(cli, "ROOT", tmp_path)
    entry = SCENES[2]

    def fail(entries, quality, *, log):
        raise SceneRenderError(entry, "LaTeX Error: something broke")

    monkeypatch.setattr(cli, "render_scenes", fail)
    assert cli.main(["--quality", "l"]) == 1
    err = capsys.readouterr().err
    assert f"step {entry.step} ({entry.name}" in err and "LaTeX Error" in err
    assert "last good run" in err
    assert (folder / "lecture.mp4").read_bytes() == b"the last good video"
    assert sorted(p.name for p in folder.iterdir()) == ["lecture.mp4"]


def test_unknown_steps_are_refused():
    """--only with a step the lecture does not have names it."""
    with pytest.raises(SystemExit, match=r"unknown step\(s\) \[99\]"):
        cli.main(["--quality", "l", "--only", "1,99"])


def test_lecture_folder_is_per_quality():
    """-ql and -qh outputs live side by side, named like Manim's video folders."""
    assert cli.lecture_folder("l").name == "480p15"
    assert cli.lecture_folder("h").name == "1080p60"
    assert cli.lecture_folder("h").parent == render.ROOT / "media" / "lecture"


@pytest.mark.parametrize(
    ("size", "shown"),
    [(16_400, "16 KB"), (300, "1 KB"), (999_400, "999 KB"), (5_700_000, "5.7 MB")],
)
def test_index_sizes_read_as_kb_or_mb(size, shown):
    """Small files (captions) read in KB in the printed index, never as "0.0 MB"."""
    assert cli._human_size(size) == shown
