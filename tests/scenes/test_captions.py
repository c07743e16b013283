"""Captions: every note split into short cues, timed inside its beat, every word kept."""

from __future__ import annotations

import doctest

import pytest

from scenes.narration import captions
from scenes.narration.captions import (
    LINE_WIDTH,
    MAX_LINES,
    MAX_SECONDS,
    MIN_SECONDS,
    Cue,
    beat_cues,
    split_note,
    time_cues,
    wrap_cue,
)
from tests.scenes.cases import scene_cases
from tests.scenes.harness import build_cached

EPS = 1e-9
LONG_NOTE = (
    "Second factor: the slope of the activation function at z, how much of a small "
    "change in z the sigmoid lets through at this point of its curve; a saturated "
    "neuron with a very large or very small weighted sum lets almost nothing through "
    "at all, which is why such neurons learn slowly — their gradient vanishes. "
    "Short. And a final sentence, as the note ends."
)


def cue_problems(cues: list[Cue], notes: list[str], windows: list[tuple]) -> list[str]:
    """Every broken caption rule, for cues made from ``notes`` in beat ``windows``."""
    problems = []
    for cue in cues:
        lines = cue.text.split("\n")
        if len(lines) > MAX_LINES or any(len(line) > LINE_WIDTH for line in lines):
            problems.append(f"cue too wide or too tall: {cue.text!r}")
        if not MIN_SECONDS - 1e-6 <= cue.duration <= MAX_SECONDS + 1e-6:
            problems.append(f"cue on screen {cue.duration:.3f} s: {cue.text!r}")
    for before, after in zip(cues, cues[1:]):
        if after.start < before.end - EPS:
            problems.append(f"cues overlap or are out of order: {before} / {after}")
    for (start, end), note in zip(windows, notes):
        inside = [c for c in cues if start - EPS <= c.start and c.end <= end + EPS]
        said = " ".join(" ".join(c.text.split()) for c in inside)
        if said != " ".join(note.split()):
            problems.append(
                f"beat [{start:.2f}, {end:.2f}] captions {said!r}, note {note!r}"
            )
    if sum(len(c.text.split()) for c in cues) != sum(len(n.split()) for n in notes):
        problems.append("some cue lies outside every beat")
    return problems


def test_captions_module_examples():
    """The worked examples in scenes.narration.captions' docstrings hold."""
    result = doctest.testmod(captions)
    assert result.attempted >= 3 and result.failed == 0, result


def test_a_long_note_is_split_at_sentences_then_clauses_then_words():
    """Sentence ends and clause marks are where a long note breaks; words are kept whole."""
    texts = split_note(LONG_NOTE)
    flat = [" ".join(t.split()) for t in texts]
    assert " ".join(flat) == " ".join(LONG_NOTE.split())
    assert "Short." in flat, f"a short sentence should be its own cue: {flat}"
    assert flat[0].endswith(","), f"the first cue should end at a clause: {flat[0]!r}"
    assert (
        "which is why such neurons learn slowly — their gradient vanishes." in flat
    ), f"clauses that fit one cue together should be packed back together: {flat}"
    dashed = split_note(
        "A saturated neuron passes almost nothing back to the weights feeding it — "
        "its slope is nearly flat whatever the input does there"
    )
    assert dashed[0].endswith("—"), f"no break at the dash: {dashed}"
    for text in texts:
        lines = text.split("\n")
        assert len(lines) <= MAX_LINES and all(len(x) <= LINE_WIDTH for x in lines), (
            text
        )


def test_lines_break_after_a_clause_mark_when_nearly_as_balanced():
    """Two lines are balanced, but a comma or colon within reach is where they break."""
    assert wrap_cue("The smallest network with layers: 4 neurons in a row.") == (
        "The smallest network with layers:\n4 neurons in a row."
    )
    assert wrap_cue("how much of a small change in z the sigmoid lets through") == (
        "how much of a small change\nin z the sigmoid lets through"
    )
    assert wrap_cue("x" * 43) is None


def test_a_word_longer_than_a_line_is_cut_to_fit():
    """An unbreakable token wider than a line is cut, its characters kept in order."""
    token = "https://example.org/" + "x" * 60
    texts = split_note(f"See {token} for more.")
    assert "".join("".join(texts).split()) == f"See{token}formore."
    assert all(len(line) <= LINE_WIDTH for t in texts for line in t.split("\n"))


def test_cues_fill_the_beat_in_order_within_the_limits():
    """Cues follow each other inside the beat, each 1-7 s, longer text longer on screen."""
    cues = beat_cues(LONG_NOTE, 10.0, 40.0)
    assert cue_problems(cues, [LONG_NOTE], [(10.0, 40.0)]) == []
    assert cues[0].start == 10.0 and cues[-1].end == pytest.approx(40.0)
    by_length = sorted(cues, key=lambda c: len(c.text))
    assert by_length[0].duration < by_length[-1].duration


def test_a_long_beat_leaves_gaps_rather_than_overlong_cues():
    """A beat longer than its cues may last spreads the spare time as gaps."""
    cues = time_cues(["one short cue", "and another"], 0.0, 30.0)
    assert [c.duration for c in cues] == [MAX_SECONDS, MAX_SECONDS]
    assert cues[1].start == pytest.approx(15.0) and cues[1].end <= 30.0


def test_short_cues_get_at_least_a_second():
    """A tiny cue beside a long one still stays a second on screen."""
    cues = time_cues(["Yes.", "x" * 80], 0.0, 5.0)
    assert cues[0].duration == pytest.approx(MIN_SECONDS)
    assert cues[1].end == pytest.approx(5.0)


def test_a_beat_too_short_for_its_cues_is_an_error():
    """Three cues cannot share two seconds at one second each."""
    with pytest.raises(ValueError, match=r"3 caption cue\(s\) need at least 3 s"):
        time_cues(["a", "b", "c"], 0.0, 2.0)


@pytest.mark.parametrize(("module", "example"), scene_cases(("default",)))
def test_every_scene_captions_every_note_by_the_rules(module, example):
    """Each scene's cues: at most 2 lines of 42, 1-7 s, in order, inside their beats, all words."""
    run = build_cached(module, example)
    notes = [s.beat.note for s in run.snapshots]
    ends = [s.time for s in run.snapshots]
    windows = list(zip([0.0, *ends[:-1]], ends))
    assert run.captions, f"{module} made no captions"
    problems = cue_problems(list(run.captions), notes, windows)
    assert not problems, "\n".join(problems)
    assert run.captions[-1].end <= run.duration + EPS


@pytest.mark.parametrize(("module", "example"), scene_cases(("default",)))
def test_every_moment_of_a_scene_belongs_to_a_beat(module, example):
    """Nothing plays before the first beat or after the last: one slide per beat."""
    run = build_cached(module, example)
    assert run.captions[0].start == 0.0, (
        f"{module}: {run.captions[0].start:.2f} s play before the first beat"
        " (manim-slides would make a slide without a note of them)"
    )
    assert run.duration == pytest.approx(run.snapshots[-1].time), (
        f"{module}: something plays after the last beat"
    )
