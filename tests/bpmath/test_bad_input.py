"""Bad input gets a ValueError or TypeError that names the argument and what was expected."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bpmath
from tests.bpmath.conftest import networks

CHAIN = bpmath.examples.chain()
NET, X, Y = CHAIN.network, CHAIN.x, CHAIN.y
WIDE = bpmath.examples.wide()


@pytest.mark.parametrize(
    ("weights", "biases", "error", "match"),
    [
        (
            [[[1.0, 2.0]], [[1.0, 2.0]]],
            [[0.0], [0.0]],
            ValueError,
            r"weights do not chain: W\^\(2\)",
        ),
        (
            [[[1.0]]],
            [[0.0, 1.0]],
            ValueError,
            r"biases\[0\] \(b\^\(1\)\) must have length 1",
        ),
        ([], [], ValueError, "empty network"),
        ([[[1.0]], [[1.0]]], [[0.0]], ValueError, "one entry per layer"),
        ([[[math.nan]]], [[0.0]], ValueError, r"weights\[0\].*must be finite"),
        ([[[1.0]]], [[math.inf]], ValueError, r"biases\[0\].*must be finite"),
        ([[["a"]]], [[0.0]], TypeError, r"weights\[0\].*must contain only numbers"),
        ([[[None]]], [[0.0]], TypeError, r"weights\[0\].*must contain only numbers"),
        ([[[1.0], [1.0, 2.0]]], [[0.0, 0.0]], ValueError, r"weights\[0\].*rectangular"),
        ("w", [[0.0]], TypeError, "weights must be a list"),
        ([np.ones((2, 2, 2))], [[0.0, 0.0]], ValueError, r"must be a 2-D matrix"),
    ],
)
def test_bad_networks_are_refused(weights, biases, error, match):
    """Shapes that do not chain, mismatched biases, NaN, strings, empty: clear errors."""
    with pytest.raises(error, match=match):
        bpmath.Network(weights, biases)


def test_unknown_activation_lists_the_valid_names():
    """The error names the activation argument and every valid name."""
    with pytest.raises(
        ValueError, match="activation must be one of 'sigmoid', 'relu'.*'softmax'"
    ):
        bpmath.Network.chain([1.0], [0.0], activation="softmax")


@pytest.mark.parametrize(
    ("x", "error", "match"),
    [
        ([0.1, 0.2], ValueError, "x must have length 1, got length 2"),
        ([[0.5]], ValueError, r"x must be a 1-D vector .* got shape \(1, 1\)"),
        (math.nan, ValueError, "x must be finite"),
        ("0.5", TypeError, "x must be numeric"),
        (None, TypeError, "x must contain only numbers"),
        (object(), TypeError, "x must contain only numbers"),
    ],
)
def test_bad_inputs_are_refused(x, error, match):
    """Wrong length, column vectors, NaN and non-numbers as x."""
    with pytest.raises(error, match=match):
        bpmath.forward(NET, x)


def test_column_vector_input_is_refused_for_wide_networks():
    """Nielsen-style (n, 1) columns are refused, with the expected shape named."""
    with pytest.raises(ValueError, match=r"x must be a 1-D vector of shape \(2,\)"):
        bpmath.forward(WIDE.network, [[0.8], [0.3]])


@pytest.mark.parametrize(
    ("y", "match"),
    [([1.0, 0.0], "y must have length 1"), (math.inf, "y must be finite")],
)
def test_bad_targets_are_refused(y, match):
    """Wrong length or infinite targets."""
    with pytest.raises(ValueError, match=match):
        bpmath.backward(NET, X, y)


@pytest.mark.parametrize(
    "call",
    [
        lambda: NET.weight(0),
        lambda: NET.weight(4),
        lambda: NET.bias(-1),
        lambda: bpmath.forward(NET, X).a(4),
        lambda: bpmath.forward(NET, X).z(0),
        lambda: bpmath.backward(NET, X, Y).weight(5),
        lambda: bpmath.backward(NET, X, Y).a(-1),
        lambda: bpmath.chain_rule(NET, X, Y, layer=0),
        lambda: bpmath.path_terms(NET, X, Y, layer=4),
    ],
)
def test_layer_out_of_range_names_the_range(call):
    """Every math-indexed accessor checks its layer and names the valid range."""
    with pytest.raises(ValueError, match=r"layer must be between \d and \d, got -?\d"):
        call()


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (
            lambda: bpmath.chain_rule(WIDE.network, WIDE.x, WIDE.y, 2, j=2),
            r"j must be between 0 and 1, got 2",
        ),
        (
            lambda: bpmath.chain_rule(WIDE.network, WIDE.x, WIDE.y, 2, k=3),
            r"k must be between 0 and 2, got 3",
        ),
        (
            lambda: bpmath.path_terms(WIDE.network, WIDE.x, WIDE.y, 1, k=5),
            r"k must be between 0 and 1",
        ),
        (
            lambda: bpmath.nudge(WIDE.network, WIDE.x, WIDE.y, bpmath.w(2, 0, 7), 0.1),
            r"k of w_07\^\(2\)",
        ),
        (
            lambda: bpmath.nudge(NET, X, Y, "w7", 0.1),
            r"layer of w_00\^\(7\) must be between 1 and 3",
        ),
    ],
)
def test_neuron_index_out_of_range(call, match):
    """j and k are checked against the layer sizes."""
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize("layer", [True, 2.0, "3"])
def test_layer_must_be_an_integer(layer):
    """Booleans, floats and strings are not layer indices."""
    with pytest.raises(TypeError, match="layer must be an integer"):
        NET.weight(layer)


def test_nudge_refuses_zero_delta_and_unknown_names():
    """delta = 0 and names that are not parameters are refused."""
    with pytest.raises(ValueError, match="delta must be non-zero"):
        bpmath.nudge(NET, X, Y, "w3", 0.0)
    for bad in ("q3", "w", "w_1^(2)", "weights"):
        with pytest.raises(ValueError, match="parameter"):
            bpmath.Parameter.parse(bad)
    with pytest.raises(ValueError, match="wrt must be one of"):
        bpmath.chain_rule(NET, X, Y, 3, wrt="x")


def test_batches_must_have_as_many_inputs_as_targets():
    """X and Y with different example counts are refused with both counts."""
    with pytest.raises(ValueError, match="X has 3, Y has 2"):
        bpmath.average_gradient(NET, [0.1, 0.2, 0.3], [1.0, 0.0])
    with pytest.raises(ValueError, match=r"X must be a 2-D array"):
        bpmath.average_gradient(WIDE.network, [0.1, 0.2], [[0.0, 1.0]])
    with pytest.raises(ValueError, match="rate must be positive"):
        bpmath.gradient_descent(NET, [0.1], [1.0], rate=-1.0, steps=1)


def test_functions_check_their_network_argument():
    """Passing something that is not a Network says so."""
    with pytest.raises(TypeError, match="net must be a bpmath.Network"):
        bpmath.forward([[1.0]], 0.5)


@settings(max_examples=60)
@given(networks(scale=3.0), st.floats(-50, 50), st.floats(-5, 5))
def test_no_nan_ever_comes_back(case, shift, delta):
    """For finite input every public result is finite."""
    net, x, y = case
    x = np.asarray(x) + shift
    g = bpmath.backward(net, x, y)
    values = [g.cost] + [v for l in range(1, net.L + 1) for v in g.weight(l).ravel()]
    values += list(bpmath.gradient_vector(g).values)
    if delta != 0:
        values.append(bpmath.nudge(net, x, y, bpmath.b(net.L), delta).ratio)
    values += list(bpmath.path_terms(net, x, y, net.L, 0).values)
    assert np.all(np.isfinite(values)), "a NaN or inf came back"
