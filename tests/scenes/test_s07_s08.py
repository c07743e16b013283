"""Steps 7 and 8: tables, column vectors, averages and bars that tell the truth."""

from __future__ import annotations

import numpy as np
import pytest
from manim import MathTex

import bpmath
from scenes.kit.averages import average_formula
from scenes.kit.bars import SignedBars
from scenes.kit.tables import ColumnVector, ValueTable
from scenes.kit.values import ExampleValues, Quantity, Shown, decimals_for
from scenes.s08_gradient_vector import entry_parameter
from tests.scenes.other_examples import example_for


@pytest.fixture(params=["canonical", "other", "long"])
def example(request) -> bpmath.Example:
    """The training example, another batch, and a longer chain (L = 4, 8 entries)."""
    if request.param == "canonical":
        return bpmath.examples.training()
    if request.param == "other":
        return example_for("training")
    net = bpmath.Network.chain([0.8, -1.6, 2.2, 1.1], [0.1, 0.9, -0.4, 0.2])
    return bpmath.Example("long", net, inputs=[0.15, 0.8, 0.3], targets=[1, 0, 1])


def _per_example_grads(example: bpmath.Example, decimals: int) -> list[Shown]:
    values, L = ExampleValues(example), example.network.L
    return [
        values.shown(Quantity("dC/dw", L, example=k), decimals)
        for k in range(example.n_examples)
    ]


def test_per_example_bars_are_the_real_values_to_scale(example):
    """Step 7's bars: each is |∂C_k/∂w^(L)| × unit long, on the side of its sign."""
    shown = _per_example_grads(example, 3)
    bars = SignedBars(shown, None, max_length=2.0, readouts=False)
    zero = bars.zero_point()[0]
    for i, s in enumerate(shown):
        assert bars.length_of(i) == pytest.approx(abs(s.value) * bars.unit), (
            f"bar {i}: length {bars.length_of(i)}, expected {abs(s.value) * bars.unit}"
        )
        assert (bars.bars[i].get_center()[0] > zero) == (s.value > 0), (
            f"bar {i} for {s.value} points the wrong way"
        )


def test_mean_line_sits_at_the_real_mean(example):
    """The dashed line is at bpmath's mean ∂C/∂w^(L), which is the mean of the bars."""
    values, L = ExampleValues(example), example.network.L
    shown = _per_example_grads(example, 3)
    bars = SignedBars(shown, None, max_length=2.0, readouts=False)
    mean = values.shown(Quantity("mean dC/dw", L), 3)
    assert mean.value == pytest.approx(np.mean([s.value for s in shown]))
    x = bars.mean_marker(mean).get_center()[0]
    assert x == pytest.approx(bars.zero_point()[0] + mean.value * bars.unit), (
        f"mean line at x={x}, expected the mean {mean.value} on the bars' scale"
    )


def test_mirrored_bars_show_the_step_against_the_gradient():
    """mirrored(η) draws -η × value: same unit, opposite side, η times as long."""
    shown = [Shown(Quantity("grad", j=i), v, 3) for i, v in enumerate([0.4, -0.2])]
    bars = SignedBars(shown, None, max_length=2.0, readouts=False)
    flipped = bars.mirrored(0.5)
    zero = bars.zero_point()[0]
    for i, s in enumerate(shown):
        assert flipped[i].width == pytest.approx(0.5 * abs(s.value) * bars.unit)
        assert (flipped[i].get_center()[0] > zero) == (s.value < 0), (
            f"mirrored bar {i} is on the gradient's own side"
        )
        assert flipped[i].get_center()[1] == pytest.approx(bars.row_y(i))


def test_average_formula_rounds_consistently(example):
    """decimals_for(..., 'mean') makes the printed parts average to the printed mean."""
    values, L = ExampleValues(example), example.network.L
    raw = _per_example_grads(example, 3)
    d = decimals_for([s.value for s in raw], values("mean dC/dw", L), combine="mean")
    parts = _per_example_grads(example, d)
    mean = values.shown(Quantity("mean dC/dw", L), d)
    tex = average_formula("C", "C_k", parts, mean)
    assert round(np.mean([float(p.text) for p in parts]), d) == float(mean.text)
    assert [t.tex_string for t in tex.terms] == [p.text for p in parts]
    assert tex.mean.tex_string == mean.text
    assert len(tex.shown_values) == len(parts) + 1, "every number is tagged"


def test_value_table_rows_line_up_with_bars():
    """A table and bars built with the same pitch share their rows' centre lines."""
    shown = [Shown(Quantity("C", example=k), v, 3) for k, v in enumerate([0.3, 0.1])]
    table = ValueTable(
        [MathTex("k"), MathTex("C_k")],
        [[MathTex(str(k + 1)), s] for k, s in enumerate(shown)],
        row_height=0.5,
    ).shift([1.0, 2.0, 0])
    bars = SignedBars(shown, None, row_height=0.5, readouts=False)
    bars.shift([0, table.row_y(0) - bars.row_y(0), 0])
    for i in range(2):
        assert bars.row_y(i) == pytest.approx(table.row_y(i), abs=1e-9)
        assert table.cell(i, 1).get_center()[1] == pytest.approx(table.row_y(i))
    assert table.cell(0, 1).quantity == Quantity("C", example=0), "cells are tagged"
    assert table.header.get_bottom()[1] > table.rule.get_y() > table.body.get_top()[1]


def test_column_vector_entries_sit_between_its_brackets():
    """Entries are stacked at the pitch, brackets span them on both sides."""
    vector = ColumnVector([MathTex("a"), MathTex("bb"), MathTex("c")], row_height=0.6)
    ys = [vector.row_y(i) for i in range(3)]
    assert np.allclose(np.diff(ys), -0.6)
    left, right = vector.brackets
    assert left.get_right()[0] < vector.entries.get_left()[0]
    assert right.get_left()[0] > vector.entries.get_right()[0]
    assert left.height == pytest.approx(1.8)


def test_gradient_entries_follow_bpmath_order(example):
    """Step 8 labels entry i with bpmath's label i and shows Quantity('grad', j=i)."""
    values = ExampleValues(example)
    avg = bpmath.average_gradient(example.network, example.inputs, example.targets)
    vector = bpmath.gradient_vector(avg.mean)
    L = example.network.L
    assert len(vector) == 2 * L
    expected = [f"{kind}^({layer})" for layer in range(1, L + 1) for kind in "wb"]
    assert list(vector.labels) == expected, f"{vector.labels} is not w1, b1, w2, ..."
    for i, label in enumerate(vector.labels):
        kind, layer = entry_parameter(label)
        per = [
            values(f"dC/d{kind}", layer, example=k) for k in range(example.n_examples)
        ]
        assert values("grad", j=i) == pytest.approx(np.mean(per)), (
            f"entry {i} ({label}) is not the mean of the per-example results"
        )


def test_entry_parameter_refuses_other_labels():
    """Only chain labels like 'w^(2)' are unpacked."""
    assert entry_parameter("b^(3)") == ("b", 3)
    with pytest.raises(ValueError, match="w_10"):
        entry_parameter("w_10^(2)")
