"""Personal examples: the same seed gives the same numbers, and every seed teaches well.

The criteria are checked with bpmath's own functions (forward, backward, nudge,
path_terms, the example-file reader) and the scenes' limits, not with the generator's
numpy shortcuts, over thousands of seeds.
"""

from __future__ import annotations

import tomllib

import numpy as np
import pytest

import bpmath
from scenes.classroom import personal
from scenes.classroom.personal import (
    ACTIVE,
    DESCENT_DROP,
    MIN_COST,
    MIN_DERIVATIVE,
    MIN_NUDGE,
    personal_examples,
    student_seed,
)
from scenes.kit.limits import check_drawable

SEEDS_PER_TEST = 1000


def test_same_seed_same_numbers():
    """Twice the same seed: the same three files; another seed: other numbers."""
    for seed in range(20):
        a, b = personal_examples(seed), personal_examples(seed)
        for role in bpmath.examples.ROLES:
            assert a.toml(role) == b.toml(role), (seed, role)
    texts = {personal_examples(seed).toml("chain").split("\n", 2)[2] for seed in range(50)}
    assert len(texts) == 50, f"only {len(texts)} different chains among 50 seeds"


def test_default_seed_from_id_and_class_seed():
    """The default seed depends on the id and on CLASS_SEED, and on nothing else."""
    assert student_seed("ada", "x") == student_seed("ada", "x")
    assert len({student_seed("ada", "x"), student_seed("ada", "y"), student_seed("bob", "x")}) == 3


def _on_grid(values) -> bool:
    values = np.asarray(values, dtype=float)
    return bool(np.allclose(values * 10, np.round(values * 10), atol=1e-9))


def check_teaches_well(mine: personal.Personal) -> None:
    """Every criterion of issue 21, computed with bpmath and the scenes' limits."""
    seed = mine.seed
    for role in bpmath.examples.ROLES:
        example = mine.example(role)
        check_drawable(example, role)
        example.check_role(role)
        back = bpmath.example_file.parse_example(tomllib.loads(mine.toml(role)))
        net, again = example.network, back.network
        for l in range(1, net.L + 1):
            assert np.array_equal(net.weight(l), again.weight(l)), (seed, role, l)
            assert np.array_equal(net.bias(l), again.bias(l)), (seed, role, l)
            assert _on_grid(net.weight(l)) and _on_grid(net.bias(l)), (seed, role)
        assert np.array_equal(example.inputs, back.inputs), (seed, role)
        assert _on_grid(example.inputs), (seed, role)
    chain, wide, training = mine.chain, mine.wide, mine.training
    net, x, y = chain.network, chain.x, chain.y
    trace = bpmath.forward(net, x)
    for l in range(1, net.L + 1):
        a = float(trace.a(l)[0])
        assert ACTIVE[0] <= a <= ACTIVE[1], f"seed {seed}: a^({l}) = {a:.3f} saturated/dead"
    assert bpmath.cost(trace.output, y) >= MIN_COST, f"seed {seed}: C0 too small"
    grads = bpmath.backward(net, x, y)
    for l in range(1, net.L + 1):
        for value in (grads.weight(l)[0, 0], grads.bias(l)[0]):
            assert abs(value) >= MIN_DERIVATIVE, f"seed {seed}: a layer-{l} derivative {value:.4f}"
    for layer in (3, 2):
        rule = bpmath.chain_rule(net, x, y, layer=layer)
        shown = bpmath.agreeing_decimals(rule.factors, rule.product)
        assert shown <= personal.MAX_DECIMALS, f"seed {seed}: layer {layer} needs {shown} decimals"
    nudged = bpmath.nudge(net, x, y, "w3", 0.1)
    assert abs(nudged.delta_cost) >= MIN_NUDGE, f"seed {seed}: nudge moves C0 by {nudged.delta_cost}"
    wnet = wide.network
    wtrace = bpmath.forward(wnet, wide.x)
    for l in range(1, wnet.L + 1):
        assert np.all((wtrace.a(l) >= ACTIVE[0]) & (wtrace.a(l) <= ACTIVE[1])), (seed, l)
    for k in range(wnet.sizes[-2]):
        terms = np.asarray(bpmath.path_terms(wnet, wide.x, wide.y, wnet.L, k).values)
        assert terms.min() < 0 < terms.max(), f"seed {seed}: step 10's paths from k={k} {terms}"
    rate, costs = personal.step11_rate(training)
    assert all(b <= a for a, b in zip(costs, costs[1:])), f"seed {seed}: descent goes up"
    assert costs[-1] <= DESCENT_DROP * costs[0], f"seed {seed}: rate {rate} lowers C too little"


@pytest.mark.parametrize("first", [0, SEEDS_PER_TEST])
def test_every_seed_teaches_well(first):
    """Two thousand seeds (two halves, one per test process) all pass every criterion."""
    for seed in range(first, first + SEEDS_PER_TEST):
        check_teaches_well(personal_examples(seed))


def test_large_seeds_and_id_seeds():
    """Seeds drawn from ids (32-bit) are as good as small ones."""
    for i in range(100):
        check_teaches_well(personal_examples(student_seed(f"student{i}", "2026")))


def test_fast_descent_is_bpmath_descent():
    """The generator's numpy descent equals bpmath.gradient_descent step for step."""
    for seed in range(5):
        training = personal_examples(seed).training
        for rate, steps in ((1.0, 60), (3.0, 30)):
            ours = personal.chain_descent(training, rate, steps)
            theirs = bpmath.gradient_descent(
                training.network, training.inputs, training.targets, rate, steps
            ).costs
            assert np.allclose(ours, theirs, rtol=0, atol=1e-12), (seed, rate)


def test_saturated_when_asked():
    """Asked for one, the chain's first neuron is saturated and the rest are not."""
    for seed in range(100):
        mine = personal_examples(seed, saturated=True)
        trace = bpmath.forward(mine.chain.network, mine.chain.x)
        first = float(trace.a(1)[0])
        assert not personal.SATURATED[0] <= first <= personal.SATURATED[1], (seed, first)
        for l in (2, 3):
            assert ACTIVE[0] <= float(trace.a(l)[0]) <= ACTIVE[1], (seed, l)
