"""Rounded parts on screen agree with the rounded whole, and −0 is never shown."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bpmath

COMBINE = {
    "product": math.prod,
    "sum": math.fsum,
    "mean": lambda v: math.fsum(v) / len(v),
}


def _agrees(parts, exact, combine, digits) -> bool:
    """Do the parts, rounded to ``digits`` and combined, round to the rounded exact value?"""
    shown = round(combine([round(p, digits) for p in parts]), digits)
    return shown == round(exact, digits)  # 0.0 == -0.0: they read the same


def _check_fewest(parts, exact, combine_name, minimum=2, maximum=8):
    """agreeing_decimals returns the first agreeing count, or ``maximum`` if none agrees."""
    combine = COMBINE[combine_name]
    d = bpmath.agreeing_decimals(
        parts, exact, combine=combine_name, minimum=minimum, maximum=maximum
    )
    assert minimum <= d <= maximum, f"{d} decimals is outside {minimum}..{maximum}"
    for fewer in range(minimum, d):
        assert not _agrees(parts, exact, combine, fewer), (
            f"{fewer} decimals already agree, got {d}"
        )
    if d < maximum:
        assert _agrees(parts, exact, combine, d), (
            f"{parts} at {d} decimals do not give {exact}"
        )
    return d


@given(
    st.lists(st.floats(-3, 3), min_size=1, max_size=5),
    st.sampled_from(sorted(COMBINE)),
)
def test_rounded_parts_combine_to_the_rounded_exact_value(parts, combine):
    """At the returned decimals, combining the rounded parts rounds to the rounded exact value."""
    _check_fewest(parts, COMBINE[combine](parts), combine)


@settings(max_examples=50)
@given(st.lists(st.floats(-3, 3), min_size=1, max_size=5), st.integers(0, 4))
def test_search_starts_at_the_minimum(parts, minimum):
    """The answer is never below ``minimum``; exact sums agree at the minimum or later."""
    _check_fewest(parts, math.fsum(parts), "sum", minimum=minimum, maximum=minimum + 6)


def test_the_docstring_example_by_hand():
    """0.6997 × 0.2461 × (−1.1248): 2 decimals disagree (−0.20 vs −0.19), 3 agree."""
    parts, exact = [0.6997, 0.2461, -1.1248], -0.19367
    assert round(0.70 * 0.25 * -1.12, 2) == -0.2 and round(exact, 2) == -0.19
    assert round(0.700 * 0.246 * -1.125, 3) == round(exact, 3) == -0.194
    assert bpmath.agreeing_decimals(parts, exact, combine="product") == 3


def test_callable_combine_for_a_weighted_sum():
    """A callable combines the rounded parts, e.g. z = w·a + b."""
    w, a, b = 2.5, 0.699650, -2.0
    z = w * a + b
    d = bpmath.agreeing_decimals([w, a, b], z, combine=lambda p: p[0] * p[1] + p[2])
    shown = [round(v, d) for v in (w, a, b)]
    assert round(shown[0] * shown[1] + shown[2], d) == round(z, d), (
        f"{shown} at {d} decimals"
    )
    assert d == 2 or round(w * round(a, d - 1) + b, d - 1) != round(z, d - 1)


def test_chain_rule_factors_on_screen_agree_with_their_product():
    """For every weight of the chain, the factors at the chosen decimals give the product."""
    ex = bpmath.examples.chain()
    for layer in (1, 2, 3):
        rule = bpmath.chain_rule(ex.network, ex.x, ex.y, layer)
        _check_fewest(list(rule.factors), rule.product, "product")


def test_path_terms_on_screen_agree_with_their_sum():
    """Each path into a_k^(1) of the wide example, rounded, sums to the rounded sensitivity."""
    ex = bpmath.examples.wide()
    for k in range(3):
        paths = bpmath.path_terms(ex.network, ex.x, ex.y, 2, k)
        _check_fewest(list(paths.values), paths.sensitivity, "sum")


def test_per_example_costs_on_screen_agree_with_their_mean():
    """The training set's C_k, rounded, average to the rounded mean cost C."""
    tr = bpmath.examples.training()
    avg = bpmath.average_gradient(tr.network, tr.inputs, tr.targets)
    _check_fewest(list(avg.costs), avg.cost, "mean")


@settings(max_examples=60)
@given(
    st.one_of(st.floats(-1, 1), st.floats(-1e-3, 0), st.floats(-1e6, 1e6)),
    st.integers(0, 8),
)
def test_format_value_never_prints_negative_zero(value, decimals):
    """No value prints as −0, −0.00, …; the text has exactly ``decimals`` decimals."""
    text = bpmath.format_value(value, decimals)
    assert not (text.startswith("-") and float(text) == 0), (
        f"{value!r} printed as {text!r}"
    )
    assert float(text) == pytest.approx(
        value, abs=0.5 * 10**-decimals + 1e-9 * abs(value)
    )
    fraction = text.partition(".")[2]
    assert len(fraction) == decimals, f"{text!r} does not have {decimals} decimals"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (-0.004, 2, "0.00"),
        (-0.0, 2, "0.00"),
        (-1e-12, 6, "0.000000"),
        (-0.4, 0, "0"),
        (-0.6, 0, "-1"),
        (-0.016, 2, "-0.02"),
        (0.5, 3, "0.500"),
        (1234.5678, 1, "1234.6"),
        (np.float64(-0.0001), 3, "0.000"),
    ],
)
def test_format_value_examples(value, decimals, text):
    """Worked cases: tiny negatives print as zero, real negatives keep their sign."""
    assert bpmath.format_value(value, decimals) == text
