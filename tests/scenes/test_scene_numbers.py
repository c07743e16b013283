"""Every number on screen, after every beat, is the bpmath quantity it is tagged with."""

from __future__ import annotations

import pytest

from tests.scenes.cases import MODULES, scene_cases
from tests.scenes.checks import note_problems, number_problems, shown_numbers
from tests.scenes.harness import build_cached


@pytest.mark.parametrize(("module", "example"), scene_cases())
def test_numbers_on_screen_come_from_bpmath(module, example):
    """Each DecimalNumber and each decimal in a formula matches bpmath for its quantity."""
    run = build_cached(module, example)
    assert run.snapshots, f"{module}: no beat was played"
    problems = number_problems(run)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("module", [p.values[0] for p in scene_cases(("default",))])
@pytest.mark.render
def test_another_example_shows_other_numbers(module):
    """A scene given a different example shows different numbers (nothing is typed in)."""
    default = shown_numbers(build_cached(module, "default"))
    other = shown_numbers(build_cached(module, "other"))
    assert default, f"{module} shows no numbers at all"
    assert default != other, (
        f"{module} shows the same numbers for two different examples"
    )


@pytest.mark.parametrize(("module", "example"), scene_cases(("default",)))
def test_every_beat_has_a_note(module, example):
    """At least two beats, each with a note in prose, none repeated."""
    problems = note_problems(build_cached(module, example))
    assert not problems, "\n".join(problems)


def test_every_lecture_scene_is_checked():
    """The parametrization covers every scene of the lecture."""
    from scenes.lecture import SCENES

    assert {e.module for e in SCENES} <= set(MODULES)
