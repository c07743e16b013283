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
WNET, WX, WY = WIDE.network, WIDE.x, WIDE.y


# --- networks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weights", "biases", "error", "match"),
    [
        pytest.param(
            [[[1.0, 2.0]], [[1.0, 2.0]]], [[0.0], [0.0]], ValueError,
            r"weights do not chain: W\^\(2\) has shape \(1, 2\), so it expects 2 neuron\(s\)"
            r" in layer 1, but W\^\(1\) has shape \(1, 2\) and makes 1",
            id="shapes-do-not-chain",
        ),
        pytest.param(
            [[[1.0]]], [[0.0, 1.0]], ValueError,
            r"biases\[0\] \(b\^\(1\)\) must have length 1, got length 2", id="bias-length",
        ),
        pytest.param(
            [[[1.0], [2.0]]], [[0.0, 1.0, 2.0]], ValueError,
            r"biases\[0\] \(b\^\(1\)\) must have length 2, got length 3", id="bias-length-2",
        ),
        pytest.param(
            [], [], ValueError, "weights must hold at least one layer; got an empty network",
            id="empty",
        ),
        pytest.param(
            [[[1.0]], [[1.0]]], [[0.0]], ValueError,
            "weights and biases must have one entry per layer: got 2 weight matrices and 1"
            " bias vectors",
            id="counts",
        ),
        pytest.param(
            [[[math.nan]]], [[0.0]], ValueError,
            r"weights\[0\] \(W\^\(1\)\) must be finite, got nan", id="nan-weight",
        ),
        pytest.param(
            [[[1.0]], [[math.inf]]], [[0.0], [0.0]], ValueError,
            r"weights\[1\] \(W\^\(2\)\) must be finite, got inf", id="inf-weight",
        ),
        pytest.param(
            [[[1.0]]], [[-math.inf]], ValueError,
            r"biases\[0\] \(b\^\(1\)\) must be finite, got -inf", id="inf-bias",
        ),
        pytest.param(
            [[[1.0]]], [[math.nan]], ValueError, r"biases\[0\] .* must be finite, got nan",
            id="nan-bias",
        ),
        pytest.param(
            [[["a"]]], [[0.0]], TypeError,
            r"weights\[0\] \(W\^\(1\)\) must contain only numbers", id="string-weight",
        ),
        pytest.param(
            [[[None]]], [[0.0]], TypeError, r"weights\[0\] .* must contain only numbers",
            id="none-weight",
        ),
        pytest.param(
            [[[object()]]], [[0.0]], TypeError, r"weights\[0\] .* must contain only numbers",
            id="object-weight",
        ),
        pytest.param(
            [[[True]]], [[0.0]], TypeError, r"weights\[0\] .* must contain only numbers, got booleans",
            id="bool-weight",
        ),
        pytest.param(
            [[[1j]]], [[0.0]], TypeError, r"weights\[0\] .* must be real, got complex",
            id="complex-weight",
        ),
        pytest.param(
            [[[1.0]]], [["b"]], TypeError, r"biases\[0\] .* must contain only numbers",
            id="string-bias",
        ),
        pytest.param(
            [[[1.0], [1.0, 2.0]]], [[0.0, 0.0]], ValueError,
            r"weights\[0\] .* must be a rectangular array of numbers", id="ragged",
        ),
        pytest.param(
            "w", [[0.0]], TypeError, "weights must be a list with one entry per layer",
            id="string-weights",
        ),
        pytest.param(
            [[[1.0]]], None, TypeError, "biases must be a list with one entry per layer",
            id="none-biases",
        ),
        pytest.param(
            [np.ones((2, 2, 2))], [[0.0, 0.0]], ValueError,
            r"weights\[0\] .* must be a 2-D matrix, got shape \(2, 2, 2\)", id="3-d",
        ),
        pytest.param(
            [np.zeros((0, 2))], [[]], ValueError,
            r"weights\[0\] .* must not be empty, got shape \(0, 2\)", id="empty-matrix",
        ),
    ],
)  # fmt: skip
def test_bad_networks_are_refused(weights, biases, error, match):
    """Shapes that do not chain, bad biases, NaN, inf, non-numbers, empty networks."""
    with pytest.raises(error, match=match):
        bpmath.Network(weights, biases)


@pytest.mark.parametrize(
    ("weights", "biases", "error", "match"),
    [
        (["a", 1.0], [0.0, 0.0], TypeError, r"weights\[0\] \(w\^\(1\)\) must be a real number, got 'a'"),
        ([1.0, None], [0.0, 0.0], TypeError, r"weights\[1\] \(w\^\(2\)\) must be a real number, got None"),
        ([1.0], [object()], TypeError, r"biases\[0\] \(b\^\(1\)\) must be a real number"),
        ([1.0, math.nan], [0.0, 0.0], ValueError, r"weights\[1\] \(w\^\(2\)\) must be finite, got nan"),
        ([1.0, True], [0.0, 0.0], TypeError, r"weights\[1\] \(w\^\(2\)\) must be a real number, got True"),
        ([[1.0, 2.0]], [0.0], TypeError, r"weights\[0\] \(w\^\(1\)\) must be a real number, got \[1.0, 2.0\]"),
        ([np.array([1.0, 2.0])], [0.0], ValueError, r"weights\[0\] \(w\^\(1\)\) must be a single number, got shape \(2,\)"),
        ([], [], ValueError, "empty network"),
        ([1.0, 2.0], [0.0], ValueError, "got 2 weight matrices and 1 bias vectors"),
    ],
)  # fmt: skip
def test_bad_chains_are_refused(weights, biases, error, match):
    """Network.chain wants one real, finite number per weight and bias."""
    with pytest.raises(error, match=match):
        bpmath.Network.chain(weights, biases)


def test_unknown_activation_lists_the_valid_names():
    """The error names the activation argument, what it got, and every valid name."""
    with pytest.raises(
        ValueError, match=r"^activation must be one of .*; got 'softmax'$"
    ) as info:
        bpmath.Network.chain([1.0], [0.0], activation="softmax")
    for name in bpmath.ACTIVATIONS:
        assert repr(name) in str(info.value), f"{name!r} missing from: {info.value}"
    with pytest.raises(ValueError, match="activation must be one of"):
        bpmath.get_activation("Sigmoid")  # names are case-sensitive
    with pytest.raises(TypeError, match=r"activation must be a name \(str\), got 3"):
        bpmath.get_activation(3)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"sizes": [2]}, ValueError, r"sizes must name the input layer and at least one more, got \[2\]"),
        ({"sizes": [2, 0]}, ValueError, r"sizes\[1\] must be between 1 and 1000000, got 0"),
        ({"sizes": [2, 1.5]}, TypeError, r"sizes\[1\] must be an integer, got 1.5"),
        ({"sizes": "23"}, TypeError, "sizes must be a sequence of layer sizes"),
        ({"sizes": [2, 3], "seed": None}, TypeError, "seed must be an integer, got None"),
        ({"sizes": [2, 3], "seed": -1}, ValueError, "seed must be between 0 and"),
        ({"sizes": [2, 3], "scale": -1.0}, ValueError, "scale must be positive, got -1.0"),
        ({"sizes": [2, 3], "scale": math.inf}, ValueError, "scale must be finite"),
        ({"sizes": [2, 3], "activation": "softplus"}, ValueError, "activation must be one of"),
    ],
)  # fmt: skip
def test_bad_random_networks_are_refused(kwargs, error, match):
    """Network.random checks sizes, seed, scale and activation by name."""
    kwargs = {"seed": 0, **kwargs}
    with pytest.raises(error, match=match):
        bpmath.Network.random(**kwargs)


# --- inputs and targets --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("net", "x", "error", "match"),
    [
        (NET, [0.1, 0.2], ValueError, "x must have length 1, got length 2"),
        (WNET, [0.1, 0.2, 0.3], ValueError, "x must have length 2, got length 3"),
        (WNET, 0.5, ValueError, "x must have length 2, got length 1"),
        (NET, [[0.5]], ValueError, r"x must be a 1-D vector of shape \(1,\), got shape \(1, 1\)"),
        (WNET, [[0.8], [0.3]], ValueError, r"x must be a 1-D vector of shape \(2,\), got shape \(2, 1\)"),
        (WNET, np.array([[0.8, 0.3]]), ValueError, r"x must be a 1-D vector .* got shape \(1, 2\)"),
        (NET, math.nan, ValueError, "x must be finite, got nan"),
        (NET, [math.inf], ValueError, "x must be finite, got inf"),
        (WNET, [0.1, -math.inf], ValueError, "x must be finite, got -inf"),
        (NET, "0.5", TypeError, "x must be numeric, got the string '0.5'"),
        (NET, None, TypeError, "x must contain only numbers"),
        (NET, object(), TypeError, "x must contain only numbers"),
        (WNET, [0.1, "a"], TypeError, "x must contain only numbers"),
        (NET, True, TypeError, "x must contain only numbers, got booleans"),
        (NET, 1j, TypeError, "x must be real, got complex"),
        (WNET, [[0.1, 0.2], [0.3]], ValueError, "x must be a rectangular array of numbers"),
    ],
)  # fmt: skip
def test_bad_inputs_are_refused(net, x, error, match):
    """Wrong length, (n, 1) columns, NaN, inf and non-numbers as x."""
    with pytest.raises(error, match=match):
        bpmath.forward(net, x)


@pytest.mark.parametrize(
    ("net", "x", "y", "error", "match"),
    [
        (NET, X, [1.0, 0.0], ValueError, "y must have length 1, got length 2"),
        (WNET, WX, [1.0], ValueError, "y must have length 2, got length 1"),
        (WNET, WX, [[0.0], [1.0]], ValueError, r"y must be a 1-D vector of shape \(2,\), got shape \(2, 1\)"),
        (NET, X, math.inf, ValueError, "y must be finite, got inf"),
        (NET, X, [math.nan], ValueError, "y must be finite, got nan"),
        (NET, X, "1", TypeError, "y must be numeric, got the string '1'"),
        (NET, X, None, TypeError, "y must contain only numbers"),
        (NET, X, object(), TypeError, "y must contain only numbers"),
    ],
)  # fmt: skip
def test_bad_targets_are_refused(net, x, y, error, match):
    """Wrong length, (n, 1) columns, NaN, inf and non-numbers as y, in every function taking y."""
    for call in (
        lambda: bpmath.backward(net, x, y),
        lambda: bpmath.chain_rule(net, x, y, 1),
        lambda: bpmath.path_terms(net, x, y, 1),
        lambda: bpmath.nudge(net, x, y, "b1", 0.1),
        lambda: bpmath.cost(bpmath.forward(net, x).output, y),
        lambda: bpmath.cost_gradient(bpmath.forward(net, x).output, y),
    ):
        with pytest.raises(error, match=match):
            call()


def test_cost_needs_a_flat_output():
    """cost and cost_gradient refuse a column-vector output, naming the argument."""
    for f in (bpmath.cost, bpmath.cost_gradient):
        with pytest.raises(
            ValueError, match=r"output must be a 1-D vector .* got shape \(2, 1\)"
        ):
            f([[0.5], [0.2]], [1.0, 0.0])


# --- indices -------------------------------------------------------------------------------

TRACE = bpmath.forward(NET, X)
GRADS = bpmath.backward(NET, X, Y)


@pytest.mark.parametrize(
    ("call", "low", "high", "got"),
    [
        (lambda: NET.weight(0), 1, 3, 0),
        (lambda: NET.weight(4), 1, 3, 4),
        (lambda: NET.bias(-1), 1, 3, -1),
        (lambda: NET.bias(4), 1, 3, 4),
        (lambda: NET.n(4), 0, 3, 4),
        (lambda: TRACE.a(4), 0, 3, 4),
        (lambda: TRACE.a(-1), 0, 3, -1),
        (lambda: TRACE.z(0), 1, 3, 0),
        (lambda: TRACE.z(4), 1, 3, 4),
        (lambda: GRADS.weight(5), 1, 3, 5),
        (lambda: GRADS.bias(0), 1, 3, 0),
        (lambda: GRADS.a(-1), 0, 3, -1),
        (lambda: GRADS.z(4), 1, 3, 4),
        (lambda: bpmath.chain_rule(NET, X, Y, layer=0), 1, 3, 0),
        (lambda: bpmath.chain_rule(NET, X, Y, layer=4), 1, 3, 4),
        (lambda: bpmath.path_terms(NET, X, Y, layer=0), 1, 3, 0),
        (lambda: bpmath.path_terms(WNET, WX, WY, layer=3), 1, 2, 3),
        (lambda: NET.with_weight(4, 0, 0, 1.0), 1, 3, 4),
        (lambda: NET.with_bias(0, 0, 1.0), 1, 3, 0),
    ],
)
def test_layer_out_of_range_names_the_range(call, low, high, got):
    """Every math-indexed accessor checks its layer and names the valid range and the value."""
    with pytest.raises(
        ValueError, match=rf"^layer must be between {low} and {high}, got {got}$"
    ):
        call()


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: bpmath.chain_rule(WNET, WX, WY, 2, j=2), r"^j must be between 0 and 1, got 2$"),
        (lambda: bpmath.chain_rule(WNET, WX, WY, 2, j=-1), r"^j must be between 0 and 1, got -1$"),
        (lambda: bpmath.chain_rule(WNET, WX, WY, 2, k=3), r"^k must be between 0 and 2, got 3$"),
        (lambda: bpmath.chain_rule(WNET, WX, WY, 1, k=2), r"^k must be between 0 and 1, got 2$"),
        (lambda: bpmath.path_terms(WNET, WX, WY, 1, k=5), r"^k must be between 0 and 1, got 5$"),
        (lambda: bpmath.nudge(WNET, WX, WY, bpmath.w(2, 0, 7), 0.1), r"k of w_07\^\(2\) must be between 0 and 2, got 7"),
        (lambda: bpmath.nudge(WNET, WX, WY, bpmath.w(2, 2, 0), 0.1), r"j of w_20\^\(2\) must be between 0 and 1, got 2"),
        (lambda: bpmath.nudge(WNET, WX, WY, "b_5^(1)", 0.1), r"j of b_5\^\(1\) must be between 0 and 2, got 5"),
        (lambda: bpmath.nudge(WNET, WX, WY, bpmath.a(0, 2), 0.1), r"j of a_2\^\(0\) must be between 0 and 1, got 2"),
        (lambda: WNET.with_weight(1, 3, 0, 1.0), r"^j must be between 0 and 2, got 3$"),
        (lambda: WNET.with_weight(1, 0, 2, 1.0), r"^k must be between 0 and 1, got 2$"),
        (lambda: WNET.with_bias(2, 2, 1.0), r"^j must be between 0 and 1, got 2$"),
    ],
)  # fmt: skip
def test_neuron_index_out_of_range(call, match):
    """j and k are checked against the sizes of their layers."""
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize("layer", [True, False, 2.0, "3", None, np.float64(1.0)])
@pytest.mark.parametrize(
    "accessor",
    [NET.weight, NET.bias, TRACE.a, TRACE.z, GRADS.weight, GRADS.bias, GRADS.a, GRADS.z,
     lambda l: bpmath.chain_rule(NET, X, Y, l), lambda l: bpmath.path_terms(NET, X, Y, l)],
)  # fmt: skip
def test_layer_must_be_an_integer(accessor, layer):
    """Booleans, floats, strings and None are not layer indices."""
    with pytest.raises(TypeError, match=r"^layer must be an integer, got "):
        accessor(layer)


def test_numpy_integers_are_layer_indices():
    """A numpy integer is as good as an int."""
    assert np.array_equal(NET.weight(np.int64(2)), NET.weight(2))


@pytest.mark.parametrize("index", [True, 0.0, "0"])
def test_neuron_index_must_be_an_integer(index):
    """j and k refuse booleans, floats and strings too."""
    with pytest.raises(TypeError, match=r"^j must be an integer"):
        bpmath.chain_rule(NET, X, Y, 1, j=index)
    with pytest.raises(TypeError, match=r"^k must be an integer"):
        bpmath.path_terms(NET, X, Y, 1, k=index)


# --- nudges and parameter names ------------------------------------------------------------


@pytest.mark.parametrize(
    ("delta", "error", "match"),
    [
        (0.0, ValueError, "delta must be non-zero"),
        (-0.0, ValueError, "delta must be non-zero"),
        (0, ValueError, "delta must be non-zero"),
        (math.nan, ValueError, "delta must be finite, got nan"),
        (math.inf, ValueError, "delta must be finite, got inf"),
        ("0.1", TypeError, "delta must be a real number, got '0.1'"),
        (None, TypeError, "delta must be a real number, got None"),
        (True, TypeError, "delta must be a real number, got True"),
        ([0.1, 0.2], TypeError, "delta must be a real number"),
    ],
)
def test_bad_nudge_sizes_are_refused(delta, error, match):
    """Δ must be a non-zero, finite real number."""
    with pytest.raises(error, match=match):
        bpmath.nudge(NET, X, Y, "w3", delta)


@pytest.mark.parametrize(
    ("parameter", "match"),
    [
        ("w7", r"layer of w_00\^\(7\) must be between 1 and 3, got 7"),
        ("b0", r"layer of b_0\^\(0\) must be between 1 and 3, got 0"),
        ("a_0^(4)", r"layer of a_0\^\(4\) must be between 0 and 3, got 4"),
        ("w_10^(2)", r"j of w_10\^\(2\) must be between 0 and 0, got 1"),
        ("w_01^(2)", r"k of w_01\^\(2\) must be between 0 and 0, got 1"),
    ],
)
def test_nudge_of_a_parameter_that_does_not_exist(parameter, match):
    """Nudging w7 on a 3-layer chain names the parameter and the valid range."""
    with pytest.raises(ValueError, match=match):
        bpmath.nudge(NET, X, Y, parameter, 0.1)


@pytest.mark.parametrize(
    "text", ["q3", "w", "", "weights", "w3x", "w_^(2)", "W3", "w_0^2", "b_(2)", "w-1"]
)
def test_bad_parameter_names_are_refused(text):
    """Parameter.parse says which name it got and what a name looks like."""
    with pytest.raises(
        ValueError, match=r"parameter .* is not a name like 'w3', 'b_0\^\(2\)'"
    ):
        bpmath.Parameter.parse(text)


def test_weight_names_need_two_indices():
    """w_1^(2) is ambiguous: a weight needs j and k."""
    for text in ("w_1^(2)", "w_123^(2)"):
        with pytest.raises(
            ValueError, match=r"a weight needs two indices, as in w_10\^\(2\)"
        ):
            bpmath.Parameter.parse(text)


@pytest.mark.parametrize("value", [None, 3, 3.0, ["w3"]])
def test_parameter_names_must_be_strings(value):
    """A parameter is a Parameter or a string; anything else is a TypeError."""
    with pytest.raises(
        TypeError, match="parameter must be a Parameter or a name like 'w3'"
    ):
        bpmath.Parameter.parse(value)
    with pytest.raises(TypeError, match="parameter must be a Parameter"):
        bpmath.nudge(NET, X, Y, value, 0.1)


def test_bad_parameters_are_refused_on_construction():
    """Parameter checks its kind and its indices when it is made."""
    with pytest.raises(
        ValueError, match=r"parameter kind must be one of \('w', 'b', 'a'\), got 'x'"
    ):
        bpmath.Parameter("x", 1)
    with pytest.raises(ValueError, match="layer must be between 0 and"):
        bpmath.w(-1)
    with pytest.raises(TypeError, match="layer must be an integer, got 1.5"):
        bpmath.b(1.5)
    with pytest.raises(TypeError, match="j must be an integer, got True"):
        bpmath.a(1, True)


def test_chain_rule_wrt_must_be_known():
    """wrt names one of w, b, a."""
    with pytest.raises(
        ValueError, match=r"wrt must be one of \('w', 'b', 'a'\), got 'x'"
    ):
        bpmath.chain_rule(NET, X, Y, 3, wrt="x")


# --- batches, training, the rest -----------------------------------------------------------


@pytest.mark.parametrize(
    ("net", "xs", "ys", "error", "match"),
    [
        (NET, [0.1, 0.2, 0.3], [1.0, 0.0], ValueError, "X and Y must hold the same number of examples: X has 3, Y has 2"),
        (WNET, [[0.1, 0.2]], [[0.0, 1.0], [1.0, 0.0]], ValueError, "X has 1, Y has 2"),
        (WNET, [0.1, 0.2], [[0.0, 1.0]], ValueError, r"X must be a 2-D array with one example per row, shape \(m, 2\), got shape \(2,\)"),
        (WNET, [[0.1, 0.2, 0.3]], [[0.0, 1.0]], ValueError, r"X must have 2 column\(s\), one per neuron, got shape \(1, 3\)"),
        (WNET, [[0.1, 0.2]], [[0.0]], ValueError, r"Y must have 2 column\(s\)"),
        (NET, [], [], ValueError, "X must hold at least one example, got none"),
        (NET, np.ones((1, 1, 1)), [1.0], ValueError, r"X must be a 2-D array .* got shape \(1, 1, 1\)"),
        (NET, [0.1, math.nan], [1.0, 0.0], ValueError, "X must be finite, got nan"),
        (NET, [0.1, 0.2], [1.0, "a"], TypeError, "Y must contain only numbers"),
        ("net", [0.1], [1.0], TypeError, "net must be a bpmath.Network, got str"),
    ],
)  # fmt: skip
def test_bad_batches_are_refused(net, xs, ys, error, match):
    """average_gradient and gradient_descent check X and Y and that they pair up."""
    with pytest.raises(error, match=match):
        bpmath.average_gradient(net, xs, ys)
    with pytest.raises(error, match=match):
        bpmath.gradient_descent(net, xs, ys, rate=0.1, steps=1)


@pytest.mark.parametrize(
    ("rate", "steps", "error", "match"),
    [
        (-1.0, 1, ValueError, "rate must be positive, got -1.0"),
        (0.0, 1, ValueError, "rate must be positive, got 0.0"),
        (math.nan, 1, ValueError, "rate must be finite"),
        ("fast", 1, TypeError, "rate must be a real number"),
        (0.1, -1, ValueError, "steps must be between 0 and"),
        (0.1, 1.5, TypeError, "steps must be an integer, got 1.5"),
    ],
)
def test_bad_descent_settings_are_refused(rate, steps, error, match):
    """The learning rate is positive and finite; steps is a non-negative integer."""
    with pytest.raises(error, match=match):
        bpmath.gradient_descent(NET, [0.9], [1.0], rate=rate, steps=steps)


def test_examples_with_unpaired_inputs_and_targets_are_refused():
    """An Example needs as many targets as inputs, and a Network."""
    with pytest.raises(ValueError, match="inputs has 2, targets has 1"):
        bpmath.Example("e", NET, [0.1, 0.2], [1.0])
    with pytest.raises(TypeError, match="network must be a bpmath.Network, got int"):
        bpmath.Example("e", 3, [0.1], [1.0])


@pytest.mark.parametrize(
    ("call", "received"),
    [
        (lambda: bpmath.forward([[1.0]], 0.5), "list"),
        (lambda: bpmath.backward(None, 0.5, 1.0), "NoneType"),
        (lambda: bpmath.chain_rule("net", 0.5, 1.0, 1), "str"),
        (lambda: bpmath.path_terms(3, 0.5, 1.0, 1), "int"),
        (lambda: bpmath.nudge({}, 0.5, 1.0, "w1", 0.1), "dict"),
        (lambda: bpmath.average_gradient(NET.weights, [0.5], [1.0]), "tuple"),
    ],
)
def test_functions_check_their_network_argument(call, received):
    """Passing something that is not a Network names the argument and the type received."""
    with pytest.raises(
        TypeError, match=rf"^net must be a bpmath.Network, got {received}$"
    ):
        call()


def test_other_bad_arguments_name_themselves():
    """gradient_vector, GradientVector lookups, roles and agreeing_decimals say what they want."""
    with pytest.raises(TypeError, match="grads must be bpmath.Gradients, got int"):
        bpmath.gradient_vector(3)
    with pytest.raises(
        KeyError, match=r"no entry 'w_00\^\(1\)'; entries are w\^\(1\), b\^\(1\)"
    ):
        bpmath.gradient_vector(GRADS)["w_00^(1)"]
    with pytest.raises(
        ValueError,
        match=r"role must be one of \('chain', 'wide', 'training'\), got 'deep'",
    ):
        bpmath.examples.get("deep")
    with pytest.raises(
        ValueError, match=r"combine must be one of \('product', 'sum', 'mean'\)"
    ):
        bpmath.agreeing_decimals([1.0], 1.0, combine="max")
    with pytest.raises(ValueError, match="parts must not be empty"):
        bpmath.agreeing_decimals([], 1.0)
    with pytest.raises(ValueError, match="vector must have length 6, got length 2"):
        NET.from_parameter_vector([1.0, 2.0])
    with pytest.raises(ValueError, match="value must be finite, got nan"):
        NET.with_bias(1, 0, math.nan)


# --- overflow: finite input, results too large for float64 ---------------------------------

HUGE = bpmath.Network([[[1e200]], [[1e200]]], [[0.0], [0.0]], "identity")


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: bpmath.forward(HUGE, 1.0), r"z\^\(2\) overflowed float64"),
        (lambda: bpmath.backward(HUGE, 1.0, 0.0), r"z\^\(2\) overflowed float64"),
        (lambda: bpmath.cost([1e200], [0.0]), "the cost C0 overflowed float64"),
        (
            lambda: bpmath.cost_gradient([1.7e308], [-1.7e308]),
            r"∂C0/∂a\^\(L\) overflowed",
        ),
        (
            lambda: bpmath.backward(
                bpmath.Network.chain([1e-300, 1e300], [0.0, 0.0], "identity"),
                1e-8,
                -1e300,
            ),
            r"∂C0/∂a\^\(1\) overflowed float64",
        ),
        (
            lambda: bpmath.gradient_descent(
                bpmath.Network.chain([2.0, 2.0], [0.0, 0.0], "identity"),
                [10.0],
                [1.0],
                10.0,
                30,
            ),
            "overflowed float64",
        ),
    ],
)
def test_overflow_is_an_error_not_an_inf(call, match):
    """Finite inputs whose results overflow float64 raise a ValueError naming the quantity."""
    with pytest.raises(ValueError, match=match):
        call()


# --- the property: never a NaN (or inf) for finite input ----------------------------------


def _all_finite(values) -> bool:
    return all(np.all(np.isfinite(np.asarray(v, dtype=float))) for v in values)


@settings(max_examples=60)
@given(
    networks(scale=2.0, input_range=5.0),
    st.data(),
    st.floats(-1.0, 1.0).filter(lambda d: abs(d) > 1e-6),
)
def test_no_public_function_returns_nan(case, data, delta):
    """For finite, moderate input every public bpmath function returns finite numbers."""
    net, x, y = case
    l = data.draw(st.integers(1, net.L), label="layer")
    j = data.draw(st.integers(0, net.sizes[l] - 1), label="j")
    k = data.draw(st.integers(0, net.sizes[l - 1] - 1), label="k")
    t = bpmath.forward(net, x)
    g = bpmath.backward(net, x, y)
    values = [t.a(i) for i in range(net.L + 1)] + [t.z(i) for i in range(1, net.L + 1)]
    values += [bpmath.cost(t.output, y), bpmath.cost_gradient(t.output, y), g.cost]
    values += [g.weight(i) for i in range(1, net.L + 1)] + [
        g.bias(i) for i in range(1, net.L + 1)
    ]
    values += [g.z(i) for i in range(1, net.L + 1)] + [g.a(i) for i in range(net.L + 1)]
    for wrt in ("w", "b", "a"):
        rule = bpmath.chain_rule(net, x, y, l, j, k, wrt=wrt)
        values += [*rule.factors, rule.product]
    paths = bpmath.path_terms(net, x, y, l, k)
    values += [paths.values, paths.total, paths.sensitivity]
    for p in (bpmath.w(l, j, k), bpmath.b(l, j), bpmath.a(l - 1, k)):
        n = bpmath.nudge(net, x, y, p, delta)
        values += [n.ratio, n.delta_cost, n.delta_a(net.L), n.cost_after]
        try:
            values += list(n.factors)
        except (ZeroDivisionError, ValueError):
            pass  # an explicit error (e.g. Δz = 0 in a flat ReLU), never a silent NaN
    X = np.stack([x, -x, x / 2])
    Y = np.stack([y, 1 - y, y])
    avg = bpmath.average_gradient(net, X, Y)
    values += [avg.cost, avg.costs, bpmath.gradient_vector(avg.mean).values]
    run = bpmath.gradient_descent(net, X, Y, rate=1e-3, steps=2)
    values += [run.costs, *(v.values for v in run.gradients)]
    values += [n.parameter_vector() for n in run.networks]
    for act in bpmath.ACTIVATIONS.values():
        values += [act(t.z(l)), act.prime(t.z(l))]
    assert _all_finite(values), "a NaN or inf came back from finite input"
