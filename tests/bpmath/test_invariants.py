"""Identities that must hold for every network: paths, averages, purity, convergence."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bpmath
from tests.bpmath.conftest import networks

CHAIN = bpmath.examples.chain()


def _fields(g: bpmath.Gradients) -> dict[str, np.ndarray]:
    """Every array of a Gradients by name, e.g. 'dW^(2)', 'da^(0)'."""
    out = {}
    for l in range(1, g.L + 1):
        out[f"dW^({l})"] = g.weight(l)
        out[f"db^({l})"] = g.bias(l)
        out[f"dz^({l})"] = g.z(l)
    for l in range(g.L + 1):
        out[f"da^({l})"] = g.a(l)
    return out


@settings(max_examples=80)
@given(networks(), st.data())
def test_path_terms_sum_to_the_sensitivity(case, data):
    """Σ_j w_jk σ'(z_j) ∂C0/∂a_j over layer l equals ∂C0/∂a_k^(l-1) from backward."""
    net, x, y = case
    l = data.draw(st.integers(1, net.L), label="layer")
    k = data.draw(st.integers(0, net.sizes[l - 1] - 1), label="k")
    paths = bpmath.path_terms(net, x, y, l, k)
    expected = float(bpmath.backward(net, x, y).a(l - 1)[k])
    assert len(paths.terms) == net.sizes[l], "one term per neuron j of the layer"
    assert [t.j for t in paths.terms] == list(range(net.sizes[l])), (
        "terms out of j order"
    )
    assert paths.total == pytest.approx(expected, rel=1e-12, abs=1e-15), (
        f"Σ_j paths {paths.total} vs ∂C0/∂a_{k}^({l - 1}) {expected}"
    )
    assert paths.sensitivity == expected, (
        "PathTerms.sensitivity is not backward's value"
    )


@settings(max_examples=40)
@given(networks(), st.integers(1, 5), st.integers(0, 1000))
def test_batch_mean_is_the_mean_of_per_example_results(case, m, seed):
    """Every field of average_gradient(...).mean is the mean of the per-example backward."""
    net, _, _ = case
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (m, net.sizes[0]))
    Y = rng.uniform(0, 1, (m, net.sizes[-1]))
    avg = bpmath.average_gradient(net, X, Y)
    singles = [bpmath.backward(net, x, y) for x, y in zip(X, Y)]
    assert len(avg.per_example) == m
    for name, mean in _fields(avg.mean).items():
        by_hand = sum(_fields(g)[name] for g in singles) / m
        assert np.allclose(mean, by_hand, rtol=1e-12, atol=1e-15), (
            f"mean {name} differs"
        )
    for i, (got, single) in enumerate(zip(avg.per_example, singles)):
        for name, array in _fields(got).items():
            assert np.array_equal(array, _fields(single)[name]), f"example {i}: {name}"
    costs = [g.cost for g in singles]
    assert avg.cost == pytest.approx(sum(costs) / m, rel=1e-12), "mean cost"
    assert avg.costs.tolist() == costs, "per-example costs"


@settings(max_examples=30)
@given(networks())
def test_backward_is_pure(case):
    """Backward twice gives identical arrays and leaves the network and input unchanged."""
    net, x, y = case
    params, x_before, y_before = net.parameter_vector().copy(), x.copy(), y.copy()
    g1, g2 = bpmath.backward(net, x, y), bpmath.backward(net, x, y)
    f1, f2 = _fields(g1), _fields(g2)
    for name in f1:
        assert np.array_equal(f1[name], f2[name]), f"{name} changed between calls"
    assert g1.cost == g2.cost, "cost changed between calls"
    assert np.array_equal(net.parameter_vector(), params), (
        "backward mutated the network"
    )
    assert np.array_equal(x, x_before) and np.array_equal(y, y_before), "mutated x or y"


def test_results_are_read_only():
    """Writing into any returned array raises ValueError."""
    net, x, y = CHAIN.network, CHAIN.x, CHAIN.y
    g = bpmath.backward(net, x, y)
    t = bpmath.forward(net, x)
    n = bpmath.nudge(net, x, y, "w3", 0.1)
    arrays = {
        **_fields(g),
        "trace a^(1)": t.a(1),
        "trace z^(1)": t.z(1),
        "trace output": t.output,
        "net W^(1)": net.weight(1),
        "net b^(1)": net.bias(1),
        "example x": CHAIN.x,
        "example inputs": CHAIN.inputs,
        "cost_gradient": bpmath.cost_gradient(t.output, y),
        "nudge Δz^(3)": n.delta_z(3),
        "nudge Δa^(3)": n.delta_a(3),
        "path values": bpmath.path_terms(net, x, y, 3).values,
        "gradient vector": bpmath.gradient_vector(g).values,
        "average costs": bpmath.average_gradient(net, [0.1, 0.9], [0.0, 1.0]).costs,
        "descent costs": bpmath.gradient_descent(net, [0.9], [1.0], 0.1, 1).costs,
    }
    for name, array in arrays.items():
        with pytest.raises(ValueError, match="read-only"):
            array.flat[0] = 123.0
        assert array.dtype == np.float64, f"{name} is {array.dtype}, not float64"


def test_result_dataclasses_are_frozen():
    """No result object lets a field be reassigned."""
    net, x, y = CHAIN.network, CHAIN.x, CHAIN.y
    g = bpmath.backward(net, x, y)
    objects = [
        net,
        net.activation,
        bpmath.forward(net, x),
        g,
        bpmath.chain_rule(net, x, y, 3),
        bpmath.path_terms(net, x, y, 3),
        bpmath.nudge(net, x, y, "w3", 0.1),
        bpmath.average_gradient(net, [0.1, 0.9], [0.0, 1.0]),
        bpmath.gradient_vector(g),
        bpmath.gradient_descent(net, [0.9], [1.0], 0.1, 1),
        bpmath.w(3),
        CHAIN,
    ]
    for obj in objects:
        assert dataclasses.is_dataclass(obj), f"{type(obj).__name__} is not a dataclass"
        field = dataclasses.fields(obj)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, field, None)


@pytest.mark.parametrize(
    "parameter", ["w3", "b3", "w2", "b2", "w1", "b1", "a_0^(2)", "a_0^(0)"]
)
def test_nudge_ratio_converges_to_the_derivative(parameter):
    """The error of ΔC0/Δθ falls with each tenfold smaller nudge: 0.1, 0.01, 0.001."""
    net, x, y = CHAIN.network, CHAIN.x, CHAIN.y
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
    assert errors[0] > errors[1] > errors[2], (
        f"{parameter}: errors {errors} do not shrink"
    )
    # A one-sided difference is first order: the error falls about tenfold per step.
    assert errors[2] < 0.02 * errors[0], (
        f"{parameter}: errors {errors} shrink too slowly"
    )


@pytest.mark.parametrize("parameter", ["w3", "b3", "w2", "b1", "a_0^(1)", "a_0^(0)"])
@pytest.mark.parametrize("delta", [0.1, 0.01, -0.05, 1e-4])
def test_nudge_factors_multiply_to_the_ratio(parameter, delta):
    """(Δz/Δθ)(Δa/Δz)(ΔC/Δa) equals ΔC/Δθ: the finite chain rule is exact."""
    n = bpmath.nudge(CHAIN.network, CHAIN.x, CHAIN.y, parameter, delta)
    product = n.factors[0] * n.factors[1] * n.factors[2]
    assert product == pytest.approx(n.ratio, rel=1e-12), (
        f"{n.factors} vs ratio {n.ratio}"
    )


def test_nudge_factors_approach_the_chain_rule_factors():
    """As Δw^(3) shrinks, each finite factor approaches its derivative."""
    rule = bpmath.chain_rule(CHAIN.network, CHAIN.x, CHAIN.y, 3)
    errors = []
    for delta in (0.1, 0.01, 0.001):
        n = bpmath.nudge(CHAIN.network, CHAIN.x, CHAIN.y, "w3", delta)
        errors.append(max(abs(f - r) for f, r in zip(n.factors, rule.factors)))
    assert errors[0] > errors[1] > errors[2], f"factor errors {errors} do not shrink"
    assert errors[2] < 1e-3, f"factors at Δw = 0.001 still off by {errors[2]}"


def test_a_visible_nudge_is_not_the_derivative():
    """Δw^(3) = 0.1 on the chain gives a ratio more than 0.1 % off ∂C0/∂w^(3)."""
    ratio = bpmath.nudge(CHAIN.network, CHAIN.x, CHAIN.y, "w3", 0.1).ratio
    exact = float(bpmath.backward(CHAIN.network, CHAIN.x, CHAIN.y).weight(3)[0, 0])
    assert abs(ratio / exact - 1) > 1e-3, f"ratio {ratio} is within 0.1 % of {exact}"


def test_gradient_descent_lowers_the_training_cost():
    """Twenty steps at rate 1 on the training set lower the mean cost at every step."""
    tr = bpmath.examples.training()
    run = bpmath.gradient_descent(tr.network, tr.inputs, tr.targets, rate=1.0, steps=20)
    assert len(run.networks) == 21 and len(run.costs) == 21 and len(run.gradients) == 21
    steps = np.diff(run.costs)
    assert np.all(steps < 0), (
        f"cost rose at step(s) {np.flatnonzero(steps >= 0).tolist()}"
    )
    assert run.costs[-1] < run.costs[0], (
        f"final {run.costs[-1]} vs initial {run.costs[0]}"
    )
    for i in (0, 20):
        mean = bpmath.average_gradient(run.networks[i], tr.inputs, tr.targets).cost
        assert run.costs[i] == mean, f"costs[{i}] is not the mean cost of networks[{i}]"


def test_gradient_descent_step_is_theta_minus_rate_times_gradient():
    """Each step moves the parameters by exactly −η ∇C of the batch mean."""
    tr = bpmath.examples.training()
    run = bpmath.gradient_descent(tr.network, tr.inputs, tr.targets, rate=0.5, steps=3)
    for i in range(3):
        grad = bpmath.gradient_vector(
            bpmath.average_gradient(run.networks[i], tr.inputs, tr.targets).mean
        )
        assert np.array_equal(run.gradients[i].values, grad.values), f"∇C at step {i}"
        step = (
            run.networks[i + 1].parameter_vector() - run.networks[i].parameter_vector()
        )
        assert np.allclose(step, -0.5 * grad.values, rtol=1e-12, atol=1e-15), (
            f"step {i}"
        )


@settings(max_examples=40)
@given(networks())
def test_gradient_vector_order_and_labels_match_parameter_vector(case):
    """Entry i of ∇C is the derivative by parameter i of parameter_vector, named by label i."""
    net, x, y = case
    g = bpmath.backward(net, x, y)
    vec = bpmath.gradient_vector(g)
    params = net.parameter_vector()
    assert len(vec) == net.n_parameters == len(params) == len(vec.latex)
    chain = net.is_chain
    i = 0
    for l in range(1, net.L + 1):
        for (j, k), w in np.ndenumerate(net.weight(l)):
            want = f"w^({l})" if chain else f"w_{j}{k}^({l})"
            assert vec.labels[i] == want, f"label {i}: {vec.labels[i]} vs {want}"
            assert params[i] == w, f"parameter_vector[{i}] is not {want}"
            assert vec.values[i] == g.weight(l)[j, k], f"∇C[{i}] is not ∂C0/∂{want}"
            i += 1
        for j, bj in enumerate(net.bias(l)):
            want = f"b^({l})" if chain else f"b_{j}^({l})"
            assert vec.labels[i] == want, f"label {i}: {vec.labels[i]} vs {want}"
            assert params[i] == bj and vec.values[i] == g.bias(l)[j], (
                f"entry {i} ({want})"
            )
            i += 1


@settings(max_examples=40)
@given(networks(), st.integers(0, 2**32 - 1))
def test_from_parameter_vector_round_trips(case, seed):
    """from_parameter_vector puts entry i back where parameter_vector took it from."""
    net, _, _ = case
    vector = np.random.default_rng(seed).normal(size=net.n_parameters)
    rebuilt = net.from_parameter_vector(vector)
    assert np.array_equal(rebuilt.parameter_vector(), vector), (
        "vector did not round-trip"
    )
    assert rebuilt.sizes == net.sizes and rebuilt.activation == net.activation
    assert net.from_parameter_vector(net.parameter_vector()) == net, (
        "network round-trip"
    )
