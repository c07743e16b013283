"""Caption files: scene cues shifted into lecture time, written as SRT and VTT."""

from __future__ import annotations

import doctest

import pytest

from scenes.narration.captions import Cue
from scenes.publish import subtitles
from scenes.publish.subtitles import lecture_cues, read_srt, to_srt, to_vtt


def test_module_examples():
    """The worked example in the module docstring holds."""
    result = doctest.testmod(subtitles)
    assert result.attempted >= 4 and result.failed == 0, result


def test_each_scene_moves_by_the_durations_before_it():
    """Scene k's cues start at their own time plus the sum of durations 0..k-1."""
    scenes = [
        [Cue(0.0, 1.5, "a")],
        [Cue(0.25, 2.0, "b"), Cue(2.0, 3.0, "c")],
        [Cue(1.0, 2.0, "d")],
    ]
    durations = [10.0, 3.5, 8.0]
    cues = lecture_cues(scenes, durations)
    assert [(c.start, c.end, c.text) for c in cues] == [
        (0.0, 1.5, "a"),
        (10.25, 12.0, "b"),
        (12.0, 13.0, "c"),
        (14.5, 15.5, "d"),
    ]


def test_a_cue_never_runs_into_the_next_scene():
    """A cue ending after its scene's video (a frame of rounding) is clipped to it."""
    cues = lecture_cues([[Cue(1.0, 5.02, "late")], [Cue(0.0, 1.0, "next")]], [5.0, 2.0])
    assert cues[0].end == 5.0 <= cues[1].start


def test_scene_and_duration_counts_must_agree():
    """A missing duration is an error naming both counts."""
    with pytest.raises(ValueError, match="2 scene caption list.* but 1 duration"):
        lecture_cues([[], []], [1.0])


def test_srt_round_trips_to_the_millisecond(tmp_path):
    """Writing SRT and reading it back gives the cues, times rounded to ms."""
    cues = [Cue(0.0, 1.2346, "one\ntwo lines"), Cue(3661.5, 3663.0, "an hour in")]
    path = tmp_path / "x.srt"
    path.write_text(to_srt(cues), encoding="utf-8")
    back = read_srt(path)
    assert [c.text for c in back] == [c.text for c in cues]
    assert [(c.start, c.end) for c in back] == [(0.0, 1.235), (3661.5, 3663.0)]
    assert "01:01:01,500 --> 01:01:03,000" in path.read_text()


def test_vtt_has_its_header_and_dotted_times():
    """WebVTT starts with its header and writes milliseconds after a dot."""
    text = to_vtt([Cue(1.0, 2.5, "hi")])
    assert text.splitlines()[:4] == ["WEBVTT", "", "1", "00:00:01.000 --> 00:00:02.500"]


def test_a_broken_srt_is_named(tmp_path):
    """An unreadable .srt gives an error that names the file."""
    path = tmp_path / "Broken.srt"
    path.write_text("1\nnot a time\nhello\n")
    with pytest.raises(ValueError, match="Broken.srt is not a valid .srt file"):
        read_srt(path)
