"""Outputs are staged and moved into place; stamps say when a step may be skipped."""

from __future__ import annotations

import os

import pytest

from scenes.publish.files import Stamps, input_stamp, staged_dir, staged_file, sweep


def test_a_staged_file_replaces_the_old_one_when_complete(tmp_path):
    """The new content appears under the real name only once written."""
    dest = tmp_path / "out.txt"
    dest.write_text("old")
    with staged_file(dest) as tmp:
        tmp.write_text("new")
        assert dest.read_text() == "old" and tmp.name != dest.name
    assert dest.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.parametrize("error", [RuntimeError("ffmpeg died"), KeyboardInterrupt()])
def test_an_interrupted_file_leaves_the_old_one_and_no_temp(tmp_path, error):
    """An error or Ctrl-C half-way keeps the previous output and cleans up."""
    dest = tmp_path / "out.txt"
    dest.write_text("old")
    with pytest.raises(type(error)), staged_file(dest) as tmp:
        tmp.write_text("half")
        raise error
    assert dest.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_step_that_writes_nothing_is_an_error(tmp_path):
    """Moving nothing into place would lose the old output: it is refused."""
    dest = tmp_path / "out.txt"
    dest.write_text("old")
    with (
        pytest.raises(FileNotFoundError, match="nothing was written"),
        staged_file(dest),
    ):
        pass
    assert dest.read_text() == "old"


def test_a_staged_folder_swaps_in_whole_or_not_at_all(tmp_path):
    """The new folder replaces the old one; an interrupted one leaves the old intact."""
    dest = tmp_path / "deck"
    dest.mkdir()
    (dest / "index.html").write_text("old")
    with pytest.raises(KeyboardInterrupt), staged_dir(dest) as tmp:
        (tmp / "index.html").write_text("half")
        raise KeyboardInterrupt
    assert (dest / "index.html").read_text() == "old"
    with staged_dir(dest) as tmp:
        (tmp / "index.html").write_text("new")
    assert [p.name for p in dest.iterdir()] == ["index.html"]
    assert (dest / "index.html").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["deck"]


def test_fingerprint_follows_files_and_settings(tmp_path):
    """A changed size, modification time or setting changes the stamp."""
    f = tmp_path / "a.mp4"
    f.write_bytes(b"12345")
    first = input_stamp([f], quality="l")
    assert input_stamp([f], quality="l") == first
    assert input_stamp([f], quality="h") != first
    os.utime(f, ns=(1, 1))
    assert input_stamp([f], quality="l") != first


def test_stamps_remember_outputs_across_runs(tmp_path):
    """A recorded stamp is current until the inputs change or the output disappears."""
    out = tmp_path / "lecture.srt"
    out.write_text("x")
    Stamps(tmp_path).record(out, "abc")
    again = Stamps(tmp_path)
    assert again.current(out, "abc") and not again.current(out, "abd")
    out.unlink()
    assert not again.current(out, "abc")


def test_leftovers_of_a_killed_run_are_swept_but_a_live_runs_are_kept(tmp_path):
    """Temp names whose process is gone are removed; this process's own stay."""
    gone_pid = 2**22 + 12345  # above the largest pid Linux can hand out
    (tmp_path / f".lecture.mp4.tmp-{gone_pid}").write_bytes(b"half a video")
    (tmp_path / f".deck.old-{gone_pid}").mkdir()
    mine = tmp_path / f".lecture.pptx.tmp-{os.getpid()}"
    mine.write_bytes(b"being written")
    (tmp_path / "lecture.srt").write_text("kept")
    removed = sweep(tmp_path)
    assert sorted(p.name for p in removed) == [
        f".deck.old-{gone_pid}",
        f".lecture.mp4.tmp-{gone_pid}",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [mine.name, "lecture.srt"]
