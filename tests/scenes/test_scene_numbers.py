"""Every number on screen, after every beat, is the bpmath quantity it is tagged with.

Each scene is built twice: on its role's canonical example and on a second example of the
same role (``tests/scenes/other_examples.py``: another chain, another wide network, another
batch), so a number typed into a scene cannot pass for both.
"""

from __future__ import annotations

import pytest

from tests.scenes.cases import MODULES, scene_cases, scene_modules
from tests.scenes.checks import note_problems, number_problems, shown_numbers
from tests.scenes.harness import build_cached


@pytest.mark.parametrize(("module", "example"), scene_cases(hard=True))
def test_numbers_on_screen_come_from_bpmath(module, example):
    """Each DecimalNumber and each decimal in a formula matches bpmath for its quantity."""
    run = build_cached(module, example)
    assert run.snapshots, f"{module}: no beat was played"
    problems = number_problems(run)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("module", scene_modules())
def test_another_example_shows_other_numbers(module):
    """A scene given a different example shows different numbers (nothing is typed in)."""
    default = build_cached(module, "default")
    other = build_cached(module, "other")
    shown_default, shown_other = set(shown_numbers(default)), set(shown_numbers(other))
    assert shown_default, f"{module} shows no numbers at all"
    assert shown_default != shown_other, (
        f"{module} shows the same numbers {sorted(shown_default)} for the"
        f" {default.example.name!r} and {other.example.name!r} examples"
    )


@pytest.mark.parametrize(("module", "example"), scene_cases(("default",)))
def test_every_beat_has_a_note(module, example):
    """At least two beats, each with a note in prose, none repeated."""
    problems = note_problems(build_cached(module, example))
    assert not problems, "\n".join(problems)


def test_every_lecture_scene_is_checked():
    """The parametrization covers every scene of the lecture."""
    from scenes.lecture import SCENES

    missing = {e.module for e in SCENES} - set(MODULES)
    assert not missing, f"scenes not parametrized: {sorted(missing)}"
