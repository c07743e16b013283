"""SignedBars draws real values to scale; scene 8 lists ∇C in bpmath's order."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from manim import MathTex

import bpmath
from scenes.kit.bars import SignedBars
from scenes.kit.values import ExampleValues, Quantity, Shown

values_lists = st.lists(
    st.floats(-5, 5, allow_nan=False).filter(lambda v: abs(v) > 1e-6),
    min_size=1,
    max_size=6,
)


def _bars(values: list[float]) -> SignedBars:
    shown = [Shown(Quantity("grad", j=i), v, 3) for i, v in enumerate(values)]
    return SignedBars(
        shown, [MathTex(f"x_{i}") for i in range(len(values))], max_length=2.0
    )


@settings(max_examples=25, deadline=None)
@given(values_lists)
def test_bar_lengths_are_the_values_to_scale(values):
    """Each bar is |value| × unit long and the longest is max_length."""
    bars = _bars(values)
    for i, v in enumerate(values):
        assert bars.length_of(i) == pytest.approx(abs(v) * bars.unit, rel=1e-6), (
            f"bar {i} has length {bars.length_of(i)}, expected {abs(v) * bars.unit}"
        )
    assert max(bars.length_of(i) for i in range(len(values))) == pytest.approx(2.0)


@settings(max_examples=25, deadline=None)
@given(values_lists)
def test_bars_point_by_sign(values):
    """Positive bars lie right of the zero axis, negative ones left of it."""
    bars = _bars(values)
    zero = bars.zero_point()[0]
    for i, v in enumerate(values):
        centre = bars.bars[i].get_center()[0]
        assert (centre > zero) == (v > 0), f"bar {i} for {v} is on the wrong side"


def test_mean_marker_sits_at_the_mean():
    """The dashed marker is at the mean on the bars' scale."""
    values = [0.3, -0.1, 0.25]
    bars = _bars(values)
    mean = Shown(Quantity("mean C"), float(np.mean(values)), 3)
    marker = bars.mean_marker(mean)
    expected = bars.zero_point()[0] + np.mean(values) * bars.unit
    assert marker.get_center()[0] == pytest.approx(expected), "mean marker misplaced"


def test_bars_refuse_mismatched_labels():
    """A label per value, or a clear error."""
    with pytest.raises(ValueError, match="as many"):
        SignedBars([Shown(Quantity("C"), 1.0, 2)], [])


def test_gradient_entries_follow_bpmath_order():
    """Quantity('grad', j=i) is entry i of bpmath.gradient_vector over the batch mean."""
    ex = bpmath.examples.training()
    values = ExampleValues(ex)
    avg = bpmath.average_gradient(ex.network, ex.inputs, ex.targets)
    vector = bpmath.gradient_vector(avg.mean)
    got = [values("grad", j=i) for i in range(len(vector))]
    assert np.allclose(got, vector.values), f"{got} != {vector.values}"
    assert vector.labels[-2:] == (f"w^({ex.network.L})", f"b^({ex.network.L})")


def test_bars_beside_rows_leave_the_gap_and_room_for_the_longest_bar():
    """beside(): zero line at rows' right + gap + max_length; bar 0 level with first_y."""
    bars = SignedBars(
        [Shown(Quantity("grad", j=i), v, 3) for i, v in enumerate([0.5, -1.0])],
        None,
        max_length=1.5,
        readouts=False,
    )
    rows = MathTex("x = 1").move_to([-3.0, 1.0, 0])
    bars.beside(rows, first_y=2.0, gap=0.4)
    assert bars.zero_point()[0] == pytest.approx(rows.get_right()[0] + 0.4 + 1.5)
    assert bars.row_y(0) == pytest.approx(2.0)
    assert bars.bars[1].get_left()[0] >= rows.get_right()[0] + 0.4 - 1e-6
