"""Identities that must hold for every network: paths, averages, purity, convergence."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bpmath
from tests.bpmath.conftest import networks


@settings(max_examples=80)
@given(networks(), st.data())
def test_path_terms_sum_to_the_sensitivity(case, data):
    """Σ_j w_jk σ'(z_j) ∂C0/∂a_j equals ∂C0/∂a_k^(l-1) from backward."""
    net, x, y = case
    l = data.draw(st.integers(1, net.L))
    k = data.draw(st.integers(0, net.sizes[l - 1] - 1))
    paths = bpmath.path_terms(net, x, y, l, k)
    expected = float(bpmath.backward(net, x, y).a(l - 1)[k])
    assert len(paths.terms) == net.sizes[l]
    assert paths.total == pytest.approx(expected, rel=1e-12, abs=1e-15)
    assert paths.sensitivity == expected


@settings(max_examples=40)
@given(networks(), st.integers(1, 5), st.integers(0, 1000))
def test_batch_mean_is_mean_of_per_example_results(case, m, seed):
    """Every field of average_gradient.mean is the mean of the per-example backward fields."""
    net, _, _ = case
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (m, net.sizes[0]))
    Y = rng.uniform(0, 1, (m, net.sizes[-1]))
    avg = bpmath.average_gradient(net, X, Y)
    singles = [bpmath.backward(net, x, y) for x, y in zip(X, Y)]
    for l in range(1, net.L + 1):
        assert np.allclose(
            avg.mean.weight(l), np.mean([g.weight(l) for g in singles], axis=0)
        )
        assert np.allclose(
            avg.mean.bias(l), np.mean([g.bias(l) for g in singles], axis=0)
        )
        assert np.allclose(avg.mean.z(l), np.mean([g.z(l) for g in singles], axis=0))
    for l in range(net.L + 1):
        assert np.allclose(avg.mean.a(l), np.mean([g.a(l) for g in singles], axis=0))
    assert avg.cost == pytest.approx(np.mean([g.cost for g in singles]))
    assert np.allclose(avg.costs, [g.cost for g in singles])


@settings(max_examples=30)
@given(networks())
def test_backward_is_pure(case):
    """backward twice gives identical arrays and leaves the network unchanged."""
    net, x, y = case
    before = net.parameter_vector().copy()
    g1, g2 = bpmath.backward(net, x, y), bpmath.backward(net, x, y)
    for l in range(1, net.L + 1):
        assert np.array_equal(g1.weight(l), g2.weight(l)), f"dC/dW^({l}) changed"
        assert np.array_equal(g1.bias(l), g2.bias(l)), f"dC/db^({l}) changed"
    assert g1.cost == g2.cost
    assert np.array_equal(net.parameter_vector(), before), (
        "backward mutated the network"
    )


def test_results_are_read_only_and_frozen():
    """Arrays cannot be written and result dataclasses cannot be reassigned."""
    ex = bpmath.examples.chain()
    g = bpmath.backward(ex.network, ex.x, ex.y)
    t = bpmath.forward(ex.network, ex.x)
    for array in (
        g.weight(1),
        g.bias(1),
        g.a(0),
        t.a(1),
        t.z(1),
        ex.network.weight(1),
        ex.x,
    ):
        with pytest.raises(ValueError):
            array[0] = 1.0
    for obj, field in ((g, "cost"), (t, "activations"), (ex.network, "weights")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, field, None)


def test_scalars_come_back_as_python_floats():
    """Costs, factors and ratios are plain floats."""
    ex = bpmath.examples.chain()
    rule = bpmath.chain_rule(ex.network, ex.x, ex.y, 3)
    n = bpmath.nudge(ex.network, ex.x, ex.y, "w3", 0.01)
    for value in (
        bpmath.cost(ex.x, [0.0]),
        rule.product,
        *rule.factors,
        n.ratio,
        n.delta_cost,
    ):
        assert type(value) is float, f"{value!r} is {type(value).__name__}"


@pytest.mark.parametrize("parameter", ["w3", "b3", "w2", "b1", "a_0^(2)", "a_0^(0)"])
def test_nudge_ratio_converges_to_the_derivative(parameter):
    """The error of ΔC/Δθ falls with every tenfold smaller nudge."""
    ex = bpmath.examples.chain()
    net, x, y = ex.network, ex.x, ex.y
    g = bpmath.backward(net, x, y)
    p = bpmath.Parameter.parse(parameter)
    exact = {
        "w": lambda: g.weight(p.layer)[0, 0],
        "b": lambda: g.bias(p.layer)[0],
        "a": lambda: g.a(p.layer)[0],
    }[p.kind]()
    errors = [
        abs(bpmath.nudge(net, x, y, p, d).ratio - exact) for d in (0.1, 0.01, 0.001)
    ]
    assert errors[0] > errors[1] > errors[2], f"errors {errors} do not shrink"
    assert errors[2] < 1e-3 * abs(exact) + 1e-9


def test_nudge_factors_multiply_to_the_ratio():
    """(Δz/Δw)(Δa/Δz)(ΔC/Δa) is exactly ΔC/Δw, and each factor is near its derivative."""
    ex = bpmath.examples.chain()
    n = bpmath.nudge(ex.network, ex.x, ex.y, "w3", 0.001)
    rule = bpmath.chain_rule(ex.network, ex.x, ex.y, 3)
    assert np.prod(n.factors) == pytest.approx(n.ratio, rel=1e-12)
    assert n.factors == pytest.approx(rule.factors, rel=1e-2)


def test_a_visible_nudge_is_not_the_derivative():
    """Δw = 0.1 on the chain gives a ratio visibly (over 0.1 %) off the derivative."""
    ex = bpmath.examples.chain()
    ratio = bpmath.nudge(ex.network, ex.x, ex.y, "w3", 0.1).ratio
    exact = bpmath.chain_rule(ex.network, ex.x, ex.y, 3).product
    assert abs(ratio / exact - 1) > 1e-3, f"ratio {ratio} vs derivative {exact}"


def test_gradient_descent_lowers_the_training_cost():
    """Twenty steps at rate 1 lower the mean cost at every step."""
    tr = bpmath.examples.training()
    run = bpmath.gradient_descent(tr.network, tr.inputs, tr.targets, rate=1.0, steps=20)
    assert len(run.networks) == 21 and len(run.costs) == 21
    assert np.all(np.diff(run.costs) < 0), f"costs did not fall every step: {run.costs}"
    first = bpmath.average_gradient(tr.network, tr.inputs, tr.targets)
    assert run.costs[0] == pytest.approx(first.cost)


def test_gradient_descent_step_is_theta_minus_rate_times_gradient():
    """Each step moves the parameters by exactly −η ∇C."""
    tr = bpmath.examples.training()
    run = bpmath.gradient_descent(tr.network, tr.inputs, tr.targets, rate=0.5, steps=2)
    for i in range(2):
        step = (
            run.networks[i + 1].parameter_vector() - run.networks[i].parameter_vector()
        )
        assert np.allclose(step, -0.5 * run.gradients[i].values)


@settings(max_examples=30)
@given(networks())
def test_gradient_vector_order_matches_parameter_vector(case):
    """∇C's entries sit where parameter_vector puts their parameters; it round-trips."""
    net, x, y = case
    g = bpmath.backward(net, x, y)
    vec = bpmath.gradient_vector(g)
    assert len(vec) == net.n_parameters == len(vec.latex)
    at = 0
    for l in range(1, net.L + 1):
        n = g.weight(l).size
        assert np.array_equal(vec.values[at : at + n], g.weight(l).ravel())
        at += n
        assert np.array_equal(vec.values[at : at + g.bias(l).size], g.bias(l))
        at += g.bias(l).size
    assert net.from_parameter_vector(net.parameter_vector()) == net
    assert vec[vec.labels[0]] == vec.values[0]
