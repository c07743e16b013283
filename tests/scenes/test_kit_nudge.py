"""NudgeMarker: the bar is exactly |Δ| × the line's unit long, at the real Δ of bpmath."""

from __future__ import annotations

import pytest

import bpmath
from scenes.kit.nudge import NudgeMarker
from scenes.kit.number_line import VariableNumberLine
from scenes.kit.values import ExampleValues, Quantity, shown_values

EXAMPLE = bpmath.examples.chain()
NUDGE = ("w3", 0.1)


@pytest.mark.parametrize(
    ("name", "delta_name"), [("z", "Δz"), ("a", "Δa"), ("C", "ΔC")]
)
def test_bar_length_is_the_real_delta_to_scale(name, delta_name):
    """Bar length == |after − before| × unit size, and Δ is bpmath's."""
    v = ExampleValues(EXAMPLE)
    layer = None if name == "C" else 3
    before = v.value(Quantity(name, layer))
    after = v.value(Quantity(name, layer, nudge=NUDGE))
    line = VariableNumberLine(name, name, v.shown(Quantity(name, layer), 4), [after])
    delta = v.shown(Quantity(delta_name, layer, nudge=NUDGE), 4)
    marker = NudgeMarker(line, before, after, delta, r"\Delta")
    assert marker.length == pytest.approx(
        abs(after - before) * line.unit_size, rel=1e-9
    )
    assert marker.delta == pytest.approx(delta.value, abs=1e-15)
    n = bpmath.nudge(EXAMPLE.network, EXAMPLE.x, EXAMPLE.y, *NUDGE)
    expected = {"z": n.delta_z(3)[0], "a": n.delta_a(3)[0], "C": n.delta_cost}[name]
    assert marker.delta == pytest.approx(float(expected), abs=1e-15)
    assert shown_values(marker.label)[0].quantity.name == delta_name


def test_marker_refuses_values_off_the_line():
    """A Δ that the line cannot hold is refused."""
    v = ExampleValues(EXAMPLE)
    line = VariableNumberLine("a", "a", v.shown(Quantity("a", 3), 3))
    with pytest.raises(ValueError, match="outside the line's range"):
        NudgeMarker(
            line, 0.43, 5.0, v.shown(Quantity("Δa", 3, nudge=NUDGE), 3), r"\Delta a"
        )
