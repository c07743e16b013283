"""The tests' own answer to "what is this quantity?", independent of the scene kit.

Mirror image of ``scenes.kit.values.ExampleValues``: the same vocabulary (see that module's
docstring), computed another way. Only bpmath's primitives are used (the network's
matrices and activation, ``forward``, ``Network.with_weight``/``with_bias``, ``Parameter``);
the backward pass, the output error 2(a − y), σ'(z), the nudges of an activation, the
averages over a batch and gradient descent (costs, parameters and gradients after n
steps) are computed here by hand, so a wrong mapping or a wrong formula in the kit or in
bpmath's backward cannot agree with itself.
``ExampleValues`` is deliberately not imported.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

import bpmath
from scenes.kit.values import Quantity

__all__ = ["resolve"]


@dataclass(frozen=True)
class _Pass:
    """One forward and backward pass, by hand: lists indexed by math layer."""

    a: list[np.ndarray]  # a[0] .. a[L]
    z: list[np.ndarray | None]  # z[0] is None
    dC_da: list[np.ndarray]  # noqa: N815  ∂C0/∂a^(l), l = 0..L
    dC_dz: list[np.ndarray | None]  # noqa: N815
    cost: float


def _sigma_prime(net: bpmath.Network, z: np.ndarray) -> np.ndarray:
    """σ'(z): s(1 − s) by hand for the sigmoid, the activation's derivative otherwise."""
    if net.activation.name == "sigmoid":
        s = np.asarray(bpmath.sigmoid(z), dtype=float)
        return s * (1.0 - s)
    return np.asarray(net.activation.derivative(np.asarray(z, dtype=float)), float)


def _run(net: bpmath.Network, a: list[np.ndarray], z: list, start: int) -> None:
    """Extend ``a``/``z`` (known up to layer ``start``) through layer L."""
    for l in range(start + 1, net.L + 1):
        zl = np.asarray(net.weight(l), float) @ a[l - 1] + np.asarray(net.bias(l), float)
        z.append(zl)
        a.append(np.asarray(net.activation(zl), dtype=float))


def _full_pass(net: bpmath.Network, a0, y, a: list | None = None, z: list | None = None):
    """Forward (unless ``a``/``z`` are given) and backward, written out by hand."""
    if a is None:
        a, z = [np.atleast_1d(np.asarray(a0, dtype=float))], [None]
        _run(net, a, z, 0)
    y = np.atleast_1d(np.asarray(y, dtype=float))
    L = net.L
    dC_da: list = [None] * (L + 1)
    dC_dz: list = [None] * (L + 1)
    dC_da[L] = 2.0 * (a[L] - y)
    for l in range(L, 0, -1):
        dC_dz[l] = _sigma_prime(net, z[l]) * dC_da[l]
        dC_da[l - 1] = np.asarray(net.weight(l), float).T @ dC_dz[l]
    return _Pass(a, z, dC_da, dC_dz, float(np.sum((a[L] - y) ** 2)))


def _forward_pass(net: bpmath.Network, x, y) -> _Pass:
    """Forward through bpmath.forward, backward by hand."""
    trace = bpmath.forward(net, x)
    a = [np.asarray(trace.a(l), float) for l in range(net.L + 1)]
    z = [None] + [np.asarray(trace.z(l), float) for l in range(1, net.L + 1)]
    return _full_pass(net, x, y, a, z)


def resolve(example: bpmath.Example, q: Quantity) -> float:
    """The value ``q`` stands for in ``example``."""
    net = example.network
    if q.name == "rate":
        return float(q.rate)
    if q.name.startswith("descent "):
        return _descent(example, q)
    if q.name == "grad" or q.name.startswith("mean "):
        return _batch(example, net, q)
    x, y = example.inputs[q.example], example.targets[q.example]
    if q.nudge is not None:
        return _nudged(net, x, y, q)
    return _plain(net, _forward_pass(net, x, y), y, q)


def _plain(net: bpmath.Network, p: _Pass, y, q: Quantity) -> float:
    l, j, k = q.layer, q.j, q.k
    y = np.atleast_1d(np.asarray(y, dtype=float))
    table = {
        "w": lambda: net.weight(l)[j, k],
        "b": lambda: net.bias(l)[j],
        "y": lambda: y[j],
        "a": lambda: p.a[l][j],
        "z": lambda: p.z[l][j],
        "C": lambda: p.cost,
        "C term": lambda: (p.a[net.L][j] - y[j]) ** 2,
        "sigma'": lambda: _sigma_prime(net, p.z[l])[j],
        # ∂C0/∂w_jk = a_k^(l-1) · σ'(z_j) · ∂C0/∂a_j, the three factors multiplied here
        "dC/dw": lambda: p.a[l - 1][k] * _sigma_prime(net, p.z[l])[j] * p.dC_da[l][j],
        "dC/db": lambda: 1.0 * _sigma_prime(net, p.z[l])[j] * p.dC_da[l][j],
        "dC/da": lambda: p.dC_da[l][j],
        "dC/dz": lambda: p.dC_dz[l][j],
        "path": lambda: net.weight(l)[j, k]
        * _sigma_prime(net, p.z[l])[j]
        * p.dC_da[l][j],
    }
    if q.name not in table:
        raise KeyError(f"the tests do not know the quantity {q!r}")
    return float(table[q.name]())


def _nudged(net: bpmath.Network, x, y, q: Quantity) -> float:
    """Re-run the network with the nudge applied, and read the change off by hand."""
    param, delta = q.nudge
    p = bpmath.Parameter.parse(param)
    before = _forward_pass(net, x, y)
    after_net = net
    if p.kind == "w":
        old = float(net.weight(p.layer)[p.j, p.k])
        after_net = net.with_weight(p.layer, p.j, p.k, old + delta)
        after = _forward_pass(after_net, x, y)
        neuron = (p.layer, p.j)
    elif p.kind == "b":
        old = float(net.bias(p.layer)[p.j])
        after_net = net.with_bias(p.layer, p.j, old + delta)
        after = _forward_pass(after_net, x, y)
        neuron = (p.layer, p.j)
    elif p.kind == "a":  # keep layers up to p.layer, shift a_j, run the rest by hand
        a = [v.copy() for v in before.a[: p.layer + 1]]
        a[p.layer][p.j] += delta
        z = list(before.z[: p.layer + 1])
        _run(net, a, z, p.layer)
        after = _full_pass(net, x, y, a, z)
        neuron = (p.layer + 1, 0)  # the one neuron it feeds on a chain
    else:
        raise KeyError(f"the tests cannot nudge {param!r}")
    nl, nj = neuron
    dz = float(after.z[nl][nj] - before.z[nl][nj])
    da = float(after.a[nl][nj] - before.a[nl][nj])
    dc = after.cost - before.cost
    table = {
        "Δparam": lambda: delta,
        "Δz": lambda: after.z[q.layer][q.j] - before.z[q.layer][q.j],
        "Δa": lambda: after.a[q.layer][q.j] - before.a[q.layer][q.j],
        "ΔC": lambda: dc,
        "Δz/Δparam": lambda: dz / delta,
        "Δa/Δz": lambda: da / dz,
        "ΔC/Δa": lambda: dc / da,
        "ΔC/Δparam": lambda: dc / delta,
    }
    if q.name in table:
        return float(table[q.name]())
    # plain names mean their values after the nudge
    return _plain(after_net, after, y, q)


def _batch_gradients(net: bpmath.Network, example: bpmath.Example):
    """Per-example passes, by hand."""
    return [
        _forward_pass(net, x, y) for x, y in zip(example.inputs, example.targets)
    ]


def _mean(values) -> float:
    values = [float(v) for v in values]
    return sum(values) / len(values)


def _batch(example: bpmath.Example, net: bpmath.Network, q: Quantity) -> float:
    passes = _batch_gradients(net, example)
    if q.name == "grad":
        return float(_mean_gradient(net, passes)[q.j])
    name = q.name.removeprefix("mean ")
    if name == "C":
        return _mean(p.cost for p in passes)
    if name in ("dC/dw", "dC/db"):
        return _mean(
            _plain(net, p, y, Quantity(name, q.layer, q.j, q.k))
            for p, y in zip(passes, example.targets)
        )
    raise KeyError(f"the tests do not know the quantity {q!r}")


def _mean_gradient(net: bpmath.Network, passes: list[_Pass]) -> np.ndarray:
    """∇C averaged over the batch, in bpmath's documented order: per layer l = 1..L,
    the weights w^(l) row by row (j, then k), then the biases b^(l)."""
    entries = []
    for dw, db in zip(*_mean_parameter_gradients(net, passes)):
        entries.extend(dw.ravel(order="C"))
        entries.extend(db)
    return np.array(entries)


@functools.cache
def _descent_state(example: bpmath.Example, rate: float, step: int):
    """The weights, biases and network after ``step`` steps θ ← θ − rate·∇C, by hand.

    Cached: step 11 asks for many numbers of the same state, and each state replays the
    descent from step 0 (an Example is hashed by identity; callers only read the result).
    """
    L = example.network.L
    weights = [np.array(example.network.weight(l), float) for l in range(1, L + 1)]
    biases = [np.array(example.network.bias(l), float) for l in range(1, L + 1)]
    activation = example.network.activation.name
    for _ in range(step):
        net = bpmath.Network(weights, biases, activation=activation)
        dw, db = _mean_parameter_gradients(net, _batch_gradients(net, example))
        weights = [w - rate * g for w, g in zip(weights, dw)]
        biases = [b - rate * g for b, g in zip(biases, db)]
    return weights, biases, bpmath.Network(weights, biases, activation=activation)


def _mean_parameter_gradients(net: bpmath.Network, passes: list[_Pass]):
    """Per layer, the batch means of ∂C_i/∂W^(l) = δ^(l) a^(l-1)ᵀ and ∂C_i/∂b^(l) = δ^(l)."""
    n = len(passes)
    dw = [sum(np.outer(p.dC_dz[l], p.a[l - 1]) for p in passes) / n for l in range(1, net.L + 1)]
    db = [sum(p.dC_dz[l] for p in passes) / n for l in range(1, net.L + 1)]
    return dw, db


def _descent(example: bpmath.Example, q: Quantity) -> float:
    """``descent C/w/b/dC/dw/dC/db``: read off the state after ``q.step`` steps."""
    if q.rate is None or q.step is None:
        raise KeyError(f"the tests need a rate and a step for {q!r}")
    weights, biases, net = _descent_state(example, q.rate, q.step)
    name, l, j, k = q.name.removeprefix("descent "), q.layer, q.j, q.k
    if name == "C":
        return _mean(p.cost for p in _batch_gradients(net, example))
    if name == "w":
        return float(weights[l - 1][j, k])
    if name == "b":
        return float(biases[l - 1][j])
    if name in ("dC/dw", "dC/db"):
        dw, db = _mean_parameter_gradients(net, _batch_gradients(net, example))
        return float(dw[l - 1][j, k] if name == "dC/dw" else db[l - 1][j])
    raise KeyError(f"the tests do not know the quantity {q!r}")
