"""The render runner's side of narration: up-to-date check, checks up front, progress."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from scenes.narration import beatlist, runner
from scenes.narration.audio import Clip, write_wav
from scenes.narration.voices import StandInVoice
from scenes.perf import fingerprint
from tests.narration.recording_cases import seed_beats

ROOT = Path(__file__).resolve().parents[2]
MODULE = ROOT / "scenes" / "s05_chain_rule.py"


def digest() -> str:
    return fingerprint.fingerprint(ROOT, MODULE, "l", slides=False)


def test_the_fingerprint_covers_the_narration(tmp_path, monkeypatch):
    """NARRATION, the voice and every recording's content change the fingerprint."""
    base = digest()
    monkeypatch.setenv("NARRATION", "off")
    silent = digest()
    monkeypatch.delenv("NARRATION")
    monkeypatch.setenv("BACKPROP_VOICE", "piper")
    piper = digest()
    folder = tmp_path / "voice"
    folder.mkdir()
    write_wav(StandInVoice().synthesize("one two three"), folder / "s05_chain_rule-00.wav")
    monkeypatch.setenv("VOICE_DIR", str(folder))
    recorded = digest()
    write_wav(StandInVoice().synthesize("four five six"), folder / "s05_chain_rule-00.wav")
    rerecorded = digest()
    assert len({base, silent, piper, recorded, rerecorded}) == 5
    assert digest() == rerecorded, "the same inputs give the same fingerprint"


def test_recordings_are_checked_before_anything_renders(tmp_path, monkeypatch):
    """A misnamed recording stops the runner up front, naming the file."""
    folder = tmp_path / "voice"
    folder.mkdir()
    write_wav(StandInVoice().synthesize("hello there"), folder / "s05_chian_rule-00.wav")
    monkeypatch.setenv("VOICE_DIR", str(folder))
    with pytest.raises(SystemExit, match="s05_chian_rule-00.wav: the name matches no beat"):
        runner.check_narration(log=lambda line: None)


def test_the_runner_says_who_speaks(tmp_path, monkeypatch):
    """The voice, each scene's recordings and the total are said; NARRATION=off too."""
    lines: list[str] = []
    runner.check_narration(log=lines.append)
    assert lines == ["narration: voice stand-in"]
    folder = tmp_path / "voice"
    folder.mkdir()
    write_wav(Clip(StandInVoice().synthesize("hi").samples), folder / "s05_chain_rule-01.flac")
    monkeypatch.setenv("VOICE_DIR", str(folder))
    monkeypatch.setenv(beatlist.ENV_BEATS_DIR, str(seed_beats(tmp_path / "beats")))
    lines.clear()
    runner.check_narration(log=lines.append)
    assert lines == [
        "narration: step 5: 1 of 5 beats from your recordings (s05_chain_rule-01.flac)",
        "narration: 1 beat from your recordings in 1 scene (step 5); the voice"
        " (stand-in) speaks every other beat",
    ]
    monkeypatch.setenv("NARRATION", "off")
    lines.clear()
    runner.check_narration(log=lines.append)
    assert lines == ["narration off (NARRATION=off): the lecture is silent"]


def test_a_recording_is_part_of_its_own_scene_only(tmp_path, monkeypatch):
    """A recording for step 5 changes step 5's fingerprint, not step 4's; removing it
    gives step 5 its old one back."""
    step4 = ROOT / "scenes" / "s04_nudges.py"

    def both() -> tuple[str, str]:
        return (
            fingerprint.fingerprint(ROOT, step4, "l", slides=False),
            digest(),
        )

    folder = tmp_path / "voice"
    folder.mkdir()
    monkeypatch.setenv("VOICE_DIR", str(folder))
    before = both()
    write_wav(StandInVoice().synthesize("one two"), folder / "s05_chain_rule-00.wav")
    (folder / "voice-script.md").write_text("the script, kept beside the recordings")
    added = both()
    assert added[0] == before[0] and added[1] != before[1]
    (folder / "s05_chain_rule-00.wav").unlink()
    assert both() == before


def test_progress_lines_are_passed_on_while_a_scene_renders(tmp_path):
    """Lines starting 'narration:' reach the log as they are written, others do not."""
    log_file = tmp_path / "manim.log"
    log_file.write_text("")
    seen: list[str] = []

    def writer() -> None:
        with log_file.open("a") as out:
            for line in ("INFO something", "narration: s01-00: 2 clip(s)", "narration: done"):
                out.write(line + "\n")
                out.flush()
                time.sleep(0.05)

    with runner.follow(log_file, seen.append, every=0.02):
        thread = threading.Thread(target=writer)
        thread.start()
        thread.join()
    assert seen == ["narration: s01-00: 2 clip(s)", "narration: done"]


def test_every_scene_process_shares_the_project_cache(tmp_path):
    """Staged renders use <media>/narration/cache and one synthesis thread."""
    env = runner.scene_environment(tmp_path)
    assert env["BACKPROP_NARRATION_CACHE"] == str(tmp_path / "narration" / "cache")
    assert env["BACKPROP_VOICE_THREADS"] == "1"
