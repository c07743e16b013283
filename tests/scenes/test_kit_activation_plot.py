"""ActivationPlot: the network's own σ, its point at the neuron's real z and a."""

from __future__ import annotations

import numpy as np
import pytest

import bpmath
from scenes.kit.activation_plot import ActivationPlot
from scenes.kit.values import ExampleValues, Quantity
from tests.scenes.other_examples import example_for

CHAINS = {
    "canonical": bpmath.examples.chain,
    "saturated": lambda: example_for("chain", "saturated"),
    "tanh": lambda: example_for("chain", "tanh5"),
    "relu": lambda: example_for("chain", "relu2"),
}


@pytest.mark.parametrize("key", list(CHAINS))
def test_the_dot_is_at_the_real_z_and_a(key):
    """The dot is at (z, σ(z)) of the last neuron, inside the axes; readouts tagged."""
    values = ExampleValues(CHAINS[key]())
    L = values.net.L
    plot = ActivationPlot(values, L, decimals=3)
    z, a = values.value(Quantity("z", L)), values.value(Quantity("a", L))
    x, y = plot.axes.p2c(plot.dot.get_center())
    assert x == pytest.approx(z, abs=1e-6) and y == pytest.approx(a, abs=1e-6)
    low, high = plot.axes.x_range[:2]
    assert low < z < high
    assert [plot.z_tag.quantity, plot.a_tag.quantity] == [
        Quantity("z", L),
        Quantity("a", L),
    ]
    assert np.isclose(plot.guides[1].get_end()[0], plot.axes.c2p(low, 0)[0])
