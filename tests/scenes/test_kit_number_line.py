"""VariableNumberLine: the range holds every value it must show; the dot sits at its value."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import bpmath
from scenes.kit.number_line import (
    VariableNumberLine,
    nice_range,
    nice_step,
    step_decimals,
    tick_label,
)
from scenes.kit.values import ExampleValues, Quantity, Shown

finite = st.floats(-1e4, 1e4, allow_nan=False)


@settings(max_examples=300)
@given(st.lists(finite, min_size=1, max_size=6))
@example([0.1])  # step 2 × 0.001 once lost to float rounding: 2 intervals, not 6
def test_nice_range_contains_every_value(values):
    """low ≤ every value ≤ high, with a positive step and 3 to 15 intervals."""
    low, high, step = nice_range(values)
    assert step > 0
    assert low <= min(values) and max(values) <= high, (
        f"{values} not in [{low}, {high}]"
    )
    intervals = (high - low) / step
    assert 2 <= intervals <= 15, f"{intervals} intervals for {values}"


@settings(max_examples=100)
@given(finite, st.floats(1e-3, 10))
def test_a_nudge_takes_a_visible_share_of_the_line(value, delta):
    """Before and after a nudge span at least a tenth of the chosen range."""
    low, high, _ = nice_range([value, value + delta])
    assert delta / (high - low) > 0.1 or delta < 0.05 * abs(value), (low, high, delta)


def test_nice_range_refuses_nan():
    """NaN has no place on a number line."""
    with pytest.raises(ValueError, match="finite"):
        nice_range([0.1, math.nan])


def _line(value: float, must_show=()) -> VariableNumberLine:
    return VariableNumberLine(
        "z", "z^{(L)}", Shown(Quantity("z", 3), value, 3), must_show
    )


@pytest.mark.parametrize(("value", "others"), [(0.25, [0.3]), (-2.0, [5.0]), (0.0, [])])
def test_dot_starts_at_the_value_and_line_holds_the_others(value, others):
    """The dot is drawn at n2p(value); every must_show value is in range."""
    line = _line(value, others)
    assert (abs(line.dot.get_center() - line.n2p(value)) < 1e-9).all()
    assert all(line.contains(v) for v in [value, *others])
    assert line.readout.quantity == Quantity("z", 3)


def test_ticks_are_marked_and_readout_is_tagged():
    """Tick labels carry is_tick; the readout is a ValueNumber of the quantity."""
    line = _line(0.4, [0.45])
    assert len(line.ticks) == 2 and all(t.is_tick for t in line.ticks)
    assert line.readout.get_value() == pytest.approx(0.4)


def test_moving_outside_the_range_is_refused():
    """A value the line was not built for is an error, not a dot off the line."""
    line = _line(0.4, [0.45])
    with pytest.raises(ValueError, match="outside this line's range"):
        line.move_to_value(Shown(Quantity("z", 3), 99.0, 3))


def test_real_example_lines_contain_their_nudged_values():
    """For the chain, each line built with the nudged value holds before and after."""
    v = ExampleValues(bpmath.examples.chain())
    for name in ("z", "a"):
        after = v.value(Quantity(name, 3, nudge=("w3", 0.1)))
        line = VariableNumberLine(name, name, v.shown(Quantity(name, 3), 3), [after])
        assert line.contains(after) and line.contains(v(name, 3))


def test_set_value_moves_dot_and_readout_together():
    """set_value puts the dot at n2p(value) and the readout shows the new quantity."""
    line = _line(0.4, [0.45])
    after = Shown(Quantity("z", 3, nudge=("w3", 0.1)), 0.45, 3)
    line.set_value(after)
    assert (abs(line.dot.get_center() - line.n2p(0.45)) < 1e-9).all(), "dot not moved"
    assert line.readout.get_value() == pytest.approx(0.45)
    assert line.readout.quantity == after.quantity, "readout kept the old quantity"
    assert line.dot_tracker is line.tracker


def test_tick_labels_sit_below_the_line_apart_from_readout_and_label():
    """Tick labels are under the line and clear of the readout and the symbol."""
    line = _line(0.4, [0.45])
    for tick in line.ticks:
        assert tick.get_top()[1] < line.line.get_y(), "tick label above the line"
        for other in (line.readout, line.label):
            apart = (
                tick.get_right()[0] <= other.get_left()[0]
                or other.get_right()[0] <= tick.get_left()[0]
                or tick.get_top()[1] <= other.get_bottom()[1]
            )
            assert apart, f"tick {tick.get_value()} overlaps {type(other).__name__}"


@given(st.floats(min_value=1e-6, max_value=1e6))
def test_nice_step_is_the_smallest_1_2_5_step_that_reaches_raw(raw):
    """nice_step(raw) ≥ raw, is 1, 2 or 5 times a power of ten, and the one below is < raw."""
    step = nice_step(raw)
    assert step >= raw * (1 - 1e-9)
    lead = step / 10 ** math.floor(math.log10(step) + 1e-9)
    assert round(lead, 6) in (1, 2, 5), f"{step} is not a 1-2-5 step"
    below = {1: 0.5, 2: 0.5, 5: 0.4}[round(lead)] * step
    assert below < raw, f"{below} is a smaller 1-2-5 step that still reaches {raw}"


def test_step_decimals_write_every_multiple_of_the_step():
    """Multiples of 0.02 need 2 decimals, of 0.5 one, of 5 none."""
    assert [step_decimals(s) for s in (0.02, 0.001, 0.5, 5, 20)] == [2, 3, 1, 0, 0]


def test_tick_labels_are_muted_ticks():
    """A tick label is marked as a tick and shows the step's decimals (none: an integer)."""
    tick = tick_label(0.25, 2, 18)
    assert tick.is_tick and tick.num_decimal_places == 2
    assert tick_label(3.0, 0, 18).num_decimal_places == 0
