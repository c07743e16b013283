"""average_gradient, gradient_vector, gradient_descent and the dataclasses they return."""

from __future__ import annotations

import math

import numpy as np
import pytest

import bpmath

TRAINING = bpmath.examples.training()


def _chain_cost_by_hand(x: float, y: float) -> float:
    """C_k of the training chain for one example, with math.exp."""
    a = x
    for w, b in ((1.2, -0.3), (2.4, -0.8), (2.5, -2.0)):
        a = 1 / (1 + math.exp(-(w * a + b)))
    return (a - y) ** 2


def test_average_cost_is_the_mean_of_hand_worked_costs():
    """C = (1/4) Σ_k C_k over the four training examples, each C_k by hand."""
    avg = bpmath.average_gradient(TRAINING.network, TRAINING.inputs, TRAINING.targets)
    by_hand = [
        _chain_cost_by_hand(x, y) for x, y in ((0.9, 1), (0.2, 0), (0.6, 1), (0.1, 0))
    ]
    assert avg.costs.tolist() == pytest.approx(by_hand, rel=1e-12), "per-example C_k"
    assert avg.cost == pytest.approx(sum(by_hand) / 4, rel=1e-12), "mean C"
    assert avg.cost == avg.mean.cost and type(avg.cost) is float
    assert len(avg.per_example) == 4 and all(
        isinstance(g, bpmath.Gradients) for g in avg.per_example
    )


def test_one_example_batch_is_backward():
    """With a single example, the mean is that example's gradient."""
    ex = bpmath.examples.wide()
    avg = bpmath.average_gradient(ex.network, ex.inputs, ex.targets)
    g = bpmath.backward(ex.network, ex.x, ex.y)
    assert all(np.array_equal(a, b) for a, b in zip(avg.mean.weights, g.weights))
    assert avg.cost == g.cost


def test_a_flat_list_is_one_number_per_example_for_one_input_neuron():
    """For a one-neuron input layer, X = [0.9, 0.2] means two examples."""
    net = TRAINING.network
    flat = bpmath.average_gradient(net, [0.9, 0.2], [1.0, 0.0])
    rows = bpmath.average_gradient(net, [[0.9], [0.2]], [[1.0], [0.0]])
    assert len(flat.per_example) == 2 and flat.cost == rows.cost


def test_gradient_vector_labels_for_a_wide_network():
    """Wide networks label every entry with its indices: w_jk^(l), then b_j^(l)."""
    ex = bpmath.examples.wide()
    vec = bpmath.gradient_vector(bpmath.backward(ex.network, ex.x, ex.y))
    want = (
        ["w_00^(1)", "w_01^(1)", "w_10^(1)", "w_11^(1)", "w_20^(1)", "w_21^(1)"]
        + ["b_0^(1)", "b_1^(1)", "b_2^(1)"]
        + ["w_00^(2)", "w_01^(2)", "w_02^(2)", "w_10^(2)", "w_11^(2)", "w_12^(2)"]
        + ["b_0^(2)", "b_1^(2)"]
    )
    assert list(vec.labels) == want
    assert vec.latex[0] == "w_{00}^{(1)}" and vec.latex[6] == "b_{0}^{(1)}"
    assert len(vec) == 17 == ex.network.n_parameters


def test_gradient_vector_lookup_by_label():
    """vec['w^(3)'] is the entry labelled w^(3), as a float."""
    ex = bpmath.examples.chain()
    g = bpmath.backward(ex.network, ex.x, ex.y)
    vec = bpmath.gradient_vector(g)
    assert vec.latex == (
        "w^{(1)}",
        "b^{(1)}",
        "w^{(2)}",
        "b^{(2)}",
        "w^{(3)}",
        "b^{(3)}",
    )
    assert vec["w^(3)"] == float(g.weight(3)[0, 0]) and type(vec["b^(1)"]) is float
    with pytest.raises(KeyError, match="no entry 'w_00"):
        vec["w_00^(3)"]


def test_zero_steps_is_just_the_start():
    """steps=0 gives the starting network, its cost and its gradient."""
    run = bpmath.gradient_descent(
        TRAINING.network, TRAINING.inputs, TRAINING.targets, 0.5, 0
    )
    assert isinstance(run, bpmath.DescentHistory)
    assert (
        run.networks == (TRAINING.network,)
        and len(run.costs) == 1
        and len(run.gradients) == 1
    )
    assert run.rate == 0.5 and isinstance(run.gradients[0], bpmath.GradientVector)


def test_descent_does_not_change_the_starting_network():
    """The first network of the history is the one passed in, unchanged."""
    before = TRAINING.network.parameter_vector().copy()
    run = bpmath.gradient_descent(
        TRAINING.network, TRAINING.inputs, TRAINING.targets, 1.0, 3
    )
    assert run.networks[0] is TRAINING.network
    assert np.array_equal(TRAINING.network.parameter_vector(), before)
    assert all(n.sizes == TRAINING.network.sizes for n in run.networks)


def test_average_gradient_type():
    """average_gradient returns an AverageGradient whose mean is a Gradients."""
    avg = bpmath.average_gradient(TRAINING.network, TRAINING.inputs, TRAINING.targets)
    assert isinstance(avg, bpmath.AverageGradient) and isinstance(
        avg.mean, bpmath.Gradients
    )
