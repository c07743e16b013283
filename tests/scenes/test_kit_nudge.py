"""NudgeMarker and NudgeRipple: bars are |Δ| × unit long (× a shown factor if magnified)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bpmath
from scenes.kit.nudge import (
    MAX_MAGNIFICATION,
    MIN_VISIBLE,
    NudgeMarker,
    NudgeRipple,
    magnification,
)
from scenes.kit.number_line import VariableNumberLine
from scenes.kit.values import ExampleValues, Quantity, Shown, shown_values
from tests.scenes.other_examples import example_for

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
    assert marker.scale == 1 and marker.note is None, "a visible Δ was magnified"
    assert marker.length == pytest.approx(
        abs(after - before) * line.unit_size, rel=1e-9
    )
    n = bpmath.nudge(EXAMPLE.network, EXAMPLE.x, EXAMPLE.y, *NUDGE)
    expected = {"z": n.delta_z(3)[0], "a": n.delta_a(3)[0], "C": n.delta_cost}[name]
    assert marker.delta == pytest.approx(float(expected), abs=1e-15)
    assert shown_values(marker.label)[0].quantity.name == delta_name


def test_tiny_delta_is_magnified_with_the_factor_on_screen():
    """A Δ too short to see is drawn × scale, and the note says × scale."""
    v = ExampleValues(EXAMPLE)
    big = v.value(Quantity("a", 3, nudge=NUDGE))
    line = VariableNumberLine("a", "a", v.shown(Quantity("a", 3), 4), [big])
    tiny = ("w3", 0.001)
    before, after = v("a", 3), v.value(Quantity("a", 3, nudge=tiny))
    delta = v.shown(Quantity("Δa", 3, nudge=tiny), 5)
    marker = NudgeMarker(line, before, after, delta, r"\Delta a")
    true_length = abs(after - before) * line.unit_size
    assert true_length < MIN_VISIBLE, "the test nudge should be invisible at true size"
    assert marker.scale == magnification(true_length) > 1
    assert marker.length == pytest.approx(true_length * marker.scale, rel=1e-9)
    assert marker.note is not None, "a magnified bar must say so on screen"
    assert marker.note.tex_string.endswith(rf"\times{marker.scale}"), (
        f"note {marker.note.tex_string!r} does not give the factor {marker.scale}"
    )


@given(st.floats(1e-6, 10))
def test_magnification_is_the_smallest_nice_factor(length):
    """length × scale reaches MIN_VISIBLE, and the next smaller 1-2-5 factor would not."""
    scale = magnification(length)
    if scale is None:
        assert length * MAX_MAGNIFICATION < MIN_VISIBLE, f"{length} could be shown"
        return
    assert scale <= MAX_MAGNIFICATION, f"factor {scale} above the cap"
    assert length * scale >= MIN_VISIBLE or scale == 1 and length >= MIN_VISIBLE
    smaller = [s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if s < scale]
    if smaller:
        assert length * smaller[-1] < MIN_VISIBLE, f"{scale} is more than needed"
    assert str(scale)[0] in "125" and set(str(scale)[1:]) <= {"0"}


def test_a_change_too_small_even_magnified_is_called_so():
    """Past the factor cap the bar is true size and the note says it is too small."""
    v = ExampleValues(EXAMPLE)
    big = v.value(Quantity("a", 3, nudge=NUDGE))
    line = VariableNumberLine("a", "a", v.shown(Quantity("a", 3), 4), [big])
    before = v("a", 3)
    after = before + 0.5 * MIN_VISIBLE / MAX_MAGNIFICATION / line.unit_size
    delta = Shown(Quantity("Δa", 3, nudge=NUDGE), after - before, 7)
    marker = NudgeMarker(line, before, after, delta, r"\Delta a")
    assert marker.too_small and marker.scale == 1
    assert marker.length == pytest.approx(marker.true_length, rel=1e-9)
    assert marker.note is not None and "too small" in marker.note.tex_string


def test_marker_refuses_values_off_the_line():
    """A Δ that the line cannot hold is refused."""
    v = ExampleValues(EXAMPLE)
    line = VariableNumberLine("a", "a", v.shown(Quantity("a", 3), 3))
    with pytest.raises(ValueError, match="outside the line's range"):
        NudgeMarker(
            line, 0.43, 5.0, v.shown(Quantity("Δa", 3, nudge=NUDGE), 3), r"\Delta a"
        )


@pytest.mark.parametrize(
    "example", [EXAMPLE, example_for("chain")], ids=["chain", "other"]
)
@pytest.mark.parametrize("delta", [0.1, 0.01, 0.001])
def test_ripple_follows_the_real_network(example, delta):
    """Every line's after-value and Δ is bpmath.nudge's; bars match Δ × unit × scale."""
    v = ExampleValues(example)
    L = example.network.L
    param = f"w{L}"
    plain = [Quantity("w", L), Quantity("z", L), Quantity("a", L), Quantity("C")]
    lines = [
        (
            VariableNumberLine(
                q.name,
                q.name,
                v.shown(q, 4),
                [v.value(Quantity(q.name, q.layer, nudge=(param, 0.1)))],
            ),
            q,
            q.name,
        )
        for q in plain
    ]
    ripple = NudgeRipple(v, lines, (param, delta))
    n = bpmath.nudge(example.network, example.x, example.y, param, delta)
    expected = [n.value_after, n.after.z(L)[0], n.after.a(L)[0], n.cost_after]
    got = [s.value for s in ripple.afters]
    assert got == pytest.approx([float(e) for e in expected], abs=1e-12)
    deltas = [n.delta, n.delta_z(L)[0], n.delta_a(L)[0], n.delta_cost]
    for marker, (line, _, _), d in zip(ripple.markers, lines, deltas):
        assert marker.delta == pytest.approx(float(d), abs=1e-12)
        assert marker.length == pytest.approx(
            abs(float(d)) * line.unit_size * marker.scale, rel=1e-9
        ), f"{line.symbol}: bar is not Δ × unit × scale"
        assert (marker.note is None) == (marker.scale == 1)
