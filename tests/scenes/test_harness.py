"""The checks catch what they are meant to catch (each could fail)."""

from __future__ import annotations

import pytest

from tests.scenes.checks import layout_problems, number_problems
from tests.scenes.harness import build_cached

pytestmark = [pytest.mark.render, pytest.mark.xdist_group("harness")]


def test_sample_scene_passes_every_check():
    """A correct scene has no number or layout problem."""
    run = build_cached("sample_scene", "default")
    assert len(run.snapshots) == 2, f"expected 2 beats, got {len(run.snapshots)}"
    assert not number_problems(run) and not layout_problems(run)


def test_untagged_numbers_are_caught():
    """A typed literal and an unlabelled DecimalNumber are both reported."""
    problems = number_problems(build_cached("broken_UntaggedNumberScene", "default"))
    text = "\n".join(problems)
    assert "untagged number(s) ['0.500']" in text, text
    assert "does not say which quantity" in text, text


def test_wrong_values_are_caught():
    """A number tagged as C0 but showing a^(L) is reported with both values."""
    problems = number_problems(build_cached("broken_WrongValueScene", "default"))
    assert any("bpmath gives" in p for p in problems), problems


def test_overlaps_and_leaving_the_frame_are_caught():
    """Two stacked labels and one off screen are reported."""
    problems = "\n".join(
        layout_problems(build_cached("broken_BadLayoutScene", "default"))
    )
    assert "overlap" in problems, problems
    assert "leaves the frame" in problems, problems
