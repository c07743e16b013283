"""The tests' own answer to "what is this quantity?", independent of the scene kit.

Mirror image of ``scenes.kit.values.ExampleValues``: the same vocabulary, computed another
way from bpmath's primitives (the σ' and the output error by hand, averages by our own
loop), so a wrong mapping in the kit cannot agree with itself.
"""

from __future__ import annotations

import numpy as np

import bpmath
from scenes.kit.values import Quantity


def resolve(example: bpmath.Example, q: Quantity) -> float:
    """The value ``q`` stands for in ``example``."""
    net = example.network
    if q.name == "grad" or q.name.startswith("mean "):
        return _batch(example, q)
    if q.name == "rate":
        return float(q.rate)
    if q.name == "descent C":
        run = bpmath.gradient_descent(
            net, example.inputs, example.targets, q.rate, q.step
        )
        return float(run.costs[q.step])
    x, y = example.inputs[q.example], example.targets[q.example]
    if q.nudge is not None:
        return _nudged(net, x, y, q)
    return _plain(net, x, y, q)


def _plain(net: bpmath.Network, x, y, q: Quantity) -> float:
    l, j, k = q.layer, q.j, q.k
    trace = bpmath.forward(net, x)
    grads = bpmath.backward(net, x, y)
    sigma_prime = {
        "sigmoid": lambda z: float(bpmath.sigmoid(z) * (1 - bpmath.sigmoid(z))),
    }.get(net.activation.name, lambda z: float(net.activation.prime(z)))
    table = {
        "w": lambda: net.weight(l)[j, k],
        "b": lambda: net.bias(l)[j],
        "y": lambda: y[j],
        "a": lambda: trace.a(l)[j],
        "z": lambda: trace.z(l)[j],
        "C": lambda: float(np.sum((trace.output - y) ** 2)),
        "sigma'": lambda: sigma_prime(float(trace.z(l)[j])),
        "dC/dw": lambda: grads.weight(l)[j, k],
        "dC/db": lambda: grads.bias(l)[j],
        "dC/da": lambda: 2 * (trace.output[j] - y[j]) if l == net.L else grads.a(l)[j],
        "dC/dz": lambda: grads.z(l)[j],
        "path": lambda: (
            net.weight(l)[j, k] * sigma_prime(float(trace.z(l)[j])) * grads.a(l)[j]
        ),
    }
    if q.name not in table:
        raise KeyError(f"the tests do not know the quantity {q.name!r}")
    return float(table[q.name]())


def _nudged(net: bpmath.Network, x, y, q: Quantity) -> float:
    param, delta = q.nudge
    p = bpmath.Parameter.parse(param)
    before = bpmath.forward(net, x)
    if p.kind == "w":
        after_net = net.with_weight(
            p.layer, p.j, p.k, float(net.weight(p.layer)[p.j, p.k]) + delta
        )
    elif p.kind == "b":
        after_net = net.with_bias(p.layer, p.j, float(net.bias(p.layer)[p.j]) + delta)
    else:
        n = bpmath.nudge(net, x, y, p, delta)
        return _from_nudge(n, q)
    after = bpmath.forward(after_net, x)
    cost_before = float(np.sum((before.output - y) ** 2))
    cost_after = float(np.sum((after.output - y) ** 2))
    lz = p.layer
    dz = float(after.z(lz)[p.j] - before.z(lz)[p.j])
    da = float(after.a(lz)[p.j] - before.a(lz)[p.j])
    dc = cost_after - cost_before
    table = {
        "Δparam": lambda: delta,
        "Δz": lambda: after.z(q.layer)[q.j] - before.z(q.layer)[q.j],
        "Δa": lambda: after.a(q.layer)[q.j] - before.a(q.layer)[q.j],
        "ΔC": lambda: dc,
        "Δz/Δparam": lambda: dz / delta,
        "Δa/Δz": lambda: da / dz,
        "ΔC/Δa": lambda: dc / da,
        "ΔC/Δparam": lambda: dc / delta,
        "a": lambda: after.a(q.layer)[q.j],
        "z": lambda: after.z(q.layer)[q.j],
        "C": lambda: cost_after,
        "w": lambda: after_net.weight(q.layer)[q.j, q.k],
        "b": lambda: after_net.bias(q.layer)[q.j],
    }
    if q.name in table:
        return float(table[q.name]())
    return _plain(net, x, y, q)


def _from_nudge(n: bpmath.Nudge, q: Quantity) -> float:
    table = {
        "Δparam": lambda: n.delta,
        "Δz": lambda: n.delta_z(q.layer)[q.j],
        "Δa": lambda: n.delta_a(q.layer)[q.j],
        "ΔC": lambda: n.delta_cost,
        "ΔC/Δparam": lambda: n.delta_cost / n.delta,
        "a": lambda: n.after.a(q.layer)[q.j],
        "z": lambda: n.after.z(q.layer)[q.j],
        "C": lambda: n.cost_after,
    }
    return float(table[q.name]())


def _batch(example: bpmath.Example, q: Quantity) -> float:
    net = example.network
    per = [bpmath.backward(net, x, y) for x, y in zip(example.inputs, example.targets)]
    if q.name == "grad":
        entries = []
        for l in range(1, net.L + 1):
            mean_w = sum(g.weight(l) for g in per) / len(per)
            mean_b = sum(g.bias(l) for g in per) / len(per)
            entries.extend(mean_w.ravel())
            entries.extend(mean_b)
        return float(entries[q.j])
    name = q.name.removeprefix("mean ")
    pick = {
        "C": lambda g: g.cost,
        "dC/dw": lambda g: g.weight(q.layer)[q.j, q.k],
        "dC/db": lambda g: g.bias(q.layer)[q.j],
    }[name]
    return float(sum(pick(g) for g in per) / len(per))
