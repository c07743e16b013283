"""kit/descent_board: the rule in the parts the voice reads, glides in whole frames."""

from __future__ import annotations

import pytest
from manim import config

import bpmath
from scenes.kit.descent_board import DescentBoard
from scenes.kit.parameter_lines import shown_rate
from scenes.kit.values import ExampleValues, shown_values


@pytest.fixture(scope="module")
def board() -> DescentBoard:
    values = ExampleValues(bpmath.examples.get("training"))
    return DescentBoard(values, 1.0, 10)


def test_the_rule_reads_as_one_formula_in_parts(board):
    """θ ← θ, − η, ∇C, then η's value: the parts are the rule, in order, once each."""
    parts = [board.update, board.step_size, board.gradient, *board.rate]
    assert [p.tex_string for p in parts][:3] == [
        r"\theta \leftarrow \theta",
        r"- \eta",
        r"\nabla C",
    ]
    assert list(board.step) + list(board.rate) == list(board.rule)
    assert board.shown_rate.value == shown_rate(board.params.values, 1.0).value


def test_costs_and_summary_come_from_the_descent(board):
    """The summary shows the first and last mean cost; fell says which is lower."""
    assert len(board.costs) == board.steps + 1
    assert shown_values(board.summary()) == (board.costs[0], board.costs[-1])
    assert board.fell == (board.costs[-1].value < board.costs[0].value)


@pytest.mark.parametrize("seconds", [0.5, 3.0, 4.1, 7.77, 40.0])
def test_glides_last_whole_frames_and_never_overrun(board, seconds):
    """Each glide is a whole number of frames; together they fit when they can."""
    each = board.glide_time(seconds)
    frames = each * config.frame_rate
    assert abs(frames - round(frames)) < 1e-6
    assert 1 / config.frame_rate <= each <= 0.6
    if seconds / (board.steps - 1) >= 0.15:
        assert each * (board.steps - 1) <= seconds + 1e-9
