"""Rounded parts on screen agree with the rounded whole."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bpmath

parts = st.lists(st.floats(-3, 3, allow_nan=False), min_size=1, max_size=4)
COMBINE = {
    "product": math.prod,
    "sum": math.fsum,
    "mean": lambda v: math.fsum(v) / len(v),
}


@given(parts, st.sampled_from(sorted(COMBINE)))
def test_agreeing_decimals_make_parts_agree(values, combine):
    """At the returned decimals, combining the rounded parts rounds to the exact result."""
    exact = COMBINE[combine](values)
    d = bpmath.agreeing_decimals(values, exact, combine=combine)
    if d < 8:
        shown = round(COMBINE[combine]([round(v, d) for v in values]), d)
        assert shown == round(exact, d) or (shown == 0 and round(exact, d) == 0)


def test_chain_factors_need_three_decimals():
    """The canonical chain's factors agree with their product from 3 decimals."""
    ex = bpmath.examples.chain()
    rule = bpmath.chain_rule(ex.network, ex.x, ex.y, 3)
    d = bpmath.agreeing_decimals(rule.factors, rule.product, minimum=2)
    assert d >= 3, f"2 decimals should not agree for {rule.factors}"


@given(st.floats(-1, 1, allow_nan=False), st.integers(0, 6))
def test_format_value_never_prints_negative_zero(value, decimals):
    """A value that rounds to zero prints without a minus sign."""
    text = bpmath.format_value(value, decimals)
    assert not (text.startswith("-") and float(text) == 0), text
    assert float(text) == pytest.approx(round(value, decimals), abs=10**-decimals)


def test_unknown_combine_is_refused():
    """Only product, sum and mean are known."""
    with pytest.raises(ValueError, match="combine must be one of"):
        bpmath.agreeing_decimals([1.0], 1.0, combine="max")
