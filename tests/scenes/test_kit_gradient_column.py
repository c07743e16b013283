"""GradientColumn and averaged: ∇C's entries and means printed so that they agree."""

from __future__ import annotations

import math

import pytest

import bpmath
from scenes.kit.averages import averaged
from scenes.kit.gradient_column import (
    GradientColumn,
    entry_parameter,
    gradient_decimals,
    per_example,
)
from scenes.kit.values import ExampleValues, Quantity
from tests.scenes.other_examples import role_values

VALUES = role_values("training", "other", "tanh")


@pytest.fixture(params=list(VALUES), scope="module")
def values(request) -> ExampleValues:
    """The canonical training set and two others."""
    return VALUES[request.param]


def test_averaged_parts_average_to_the_shown_mean(values):
    """The printed per-example costs average to the printed mean cost."""
    n = values.example.n_examples
    parts, mean = averaged(
        values, [Quantity("C", example=k) for k in range(n)], Quantity("mean C")
    )
    assert {p.decimals for p in parts} == {mean.decimals} and mean.decimals >= 3
    got = round(math.fsum(float(p.text) for p in parts) / n, mean.decimals)
    assert got == pytest.approx(float(mean.text), abs=1e-12)


def test_the_weights_step_8_unpacks_are_averages_at_the_column_decimals(values):
    """∂C/∂w^(L) and ∂C/∂w^(1), at gradient_decimals, are the mean of their printed parts."""
    d = gradient_decimals(values)
    column = GradientColumn(values)
    assert column.decimals == d and len(column.grads) == len(column.labels)
    for label in (f"w^({values.net.L})", "w^(1)"):
        i = column.labels.index(label)
        parts = per_example(values, label, d)
        mean = math.fsum(float(p.text) for p in parts) / len(parts)
        assert bpmath.format_value(mean, d) == column.grads[i].text, label
        assert entry_parameter(label)[0] in "wb"


def test_the_column_and_its_bars_fit_the_width(values):
    """Names, values and bars fit in 13 units; each bar sits on its entry's row."""
    column = GradientColumn(values, width=13.0)
    assert column.width <= 13.0 + 1e-6
    for i in range(len(column.labels)):
        assert column.bars.row_y(i) == pytest.approx(column.numbers.row_y(i))
        band = column.row_band(i)
        assert band.get_y() == pytest.approx(column.numbers.row_y(i))


def test_entry_parameter_refuses_other_labels():
    """Only the chain's plain labels name a parameter."""
    with pytest.raises(ValueError, match="chain label"):
        entry_parameter("w_10^(2)")
