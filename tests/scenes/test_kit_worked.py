"""One rule for a sum in numbers: sum_decimals, fewest_decimals, gradient_terms, and the
written-out weighted sum and sum over paths that follow it (scenes/kit/worked.py)."""

from __future__ import annotations

import math

import pytest

import bpmath
from scenes.kit.path_sum import path_decimals, readable_neuron
from scenes.kit.sums import WeightedSumLines, weighted_sum_decimals, weighted_sum_terms
from scenes.kit.values import ExampleValues, Quantity
from scenes.kit.worked import (
    fewest_decimals,
    gradient_terms,
    sum_decimals,
    worked_sum,
)
from tests.scenes.other_examples import example_for, role_values

VALUES = role_values("wide", "other", "tanh")


@pytest.fixture(params=list(VALUES), scope="module")
def values(request) -> ExampleValues:
    """The canonical wide example and the tests' other wide ones."""
    return VALUES[request.param]


def _recombined(values, terms, p: int) -> float:
    return math.fsum(
        math.prod(round(values.value(q), p) for q in term) for term in terms
    )


def test_sum_decimals_make_the_rounded_factors_give_the_rounded_result(values):
    """Factors at p (d ≤ p ≤ d + 2), multiplied and added, round at d to the result."""
    L = values.net.L
    for j in range(values.net.sizes[L]):
        terms, z = weighted_sum_terms(values, L, j)
        d, p = sum_decimals(values, terms, z)
        assert 2 <= d <= p <= d + 2
        got = bpmath.format_value(_recombined(values, terms, p), d)
        assert got == bpmath.format_value(values.value(z), d), (j, d, p)


def test_the_weighted_sum_follows_the_one_rule_and_sigma_agrees(values):
    """WeightedSumLines's decimals are sum_decimals' with σ(shown z) = shown a."""
    L, net = values.net.L, values.net
    for j in range(net.sizes[L]):
        d, p = weighted_sum_decimals(values, L, j)
        z = round(values.value(Quantity("z", L, j)), d)
        a = values.value(Quantity("a", L, j))
        assert round(float(net.activation(z)), d) == round(a, d)
        terms, q_z = weighted_sum_terms(values, L, j)
        d0, p0 = sum_decimals(values, terms, q_z)
        assert (p, d) >= (p0, d0), "the σ check can only ask for more decimals"


def test_a_two_line_weighted_sum_has_one_sign_at_the_break():
    """Broken over two lines, the first ends on a term and the second starts with +."""
    values = ExampleValues(example_for("wide"))
    L = values.net.L
    width = WeightedSumLines(values, L, 0, max_width=100).numbers.width
    lines = WeightedSumLines(values, L, 0, max_width=0.6 * width).numbers
    assert len(lines) == 2
    first, second = (line.get_tex_string().strip() for line in lines)
    assert not first.endswith("+"), first
    assert second.startswith("+"), second
    assert not second.startswith("+ +") and "+  +" not in second


def test_gradient_terms_are_the_chain_rule_of_a_weight_and_a_bias():
    """∂C0/∂w_jk: a_k, σ'(z_j), ∂C0/∂a_j; ∂C0/∂b_j: σ'(z_j), ∂C0/∂a_j; as bpmath's."""
    example = bpmath.examples.wide()
    values, net = ExampleValues(example), example.network
    grads = bpmath.backward(net, example.x, example.y)
    terms, result = gradient_terms(1, 1, 0)
    assert terms == [
        [Quantity("a", 0, 0), Quantity("sigma'", 1, 1), Quantity("dC/da", 1, 1)]
    ]
    assert values.value(result) == pytest.approx(float(grads.weight(1)[1, 0]))
    product = math.prod(values.value(q) for q in terms[0])
    assert product == pytest.approx(values.value(result))
    terms, result = gradient_terms(1, 1)
    assert len(terms[0]) == 2 and result == Quantity("dC/db", 1, 1)
    shown = worked_sum(values, "x", terms, result)
    assert shown.result.value == pytest.approx(float(grads.bias(1)[1]))


def test_fewest_decimals_looks_at_the_finest_tier_first():
    """The finest tier decides, then the coarser; the first index wins a tie."""
    assert fewest_decimals(3, lambda i: [(3, 5), (4, 4), (3, 4)][i]) == 2
    assert fewest_decimals(2, lambda i: (3, 4)) == 0


def test_readable_neuron_has_the_fewest_path_decimals(values):
    """The k chosen for the sum over paths needs no more decimals than any other k."""
    L = values.net.L
    k = readable_neuron(values, L)
    best = path_decimals(values, L, k)[::-1]
    for other in range(values.net.sizes[L - 1]):
        assert best <= path_decimals(values, L, other)[::-1]


def test_the_result_is_as_fine_as_its_factors_allow(values):
    """With the factors at p, the result takes the most decimals (≤ p) that still agree."""
    L = values.net.L
    for j in range(values.net.sizes[L]):
        terms, z = weighted_sum_terms(values, L, j)
        d, p = sum_decimals(values, terms, z)
        sum_at_p = _recombined(values, terms, p)
        for finer in range(d + 1, p + 1):
            shown = bpmath.format_value(sum_at_p, finer)
            assert shown != bpmath.format_value(values.value(z), finer), (
                j,
                d,
                p,
                finer,
            )
