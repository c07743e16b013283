"""Parameter, w, b, a: names for what can be nudged, written and read back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bpmath
from bpmath import Parameter


def test_constructors_fill_the_fields():
    """w(l, j, k), b(l, j) and a(l, j) make the Parameter they name."""
    assert bpmath.w(3) == Parameter("w", 3, 0, 0)
    assert bpmath.w(2, j=1, k=0) == Parameter("w", 2, 1, 0)
    assert bpmath.b(3, 1) == Parameter("b", 3, 1)
    assert bpmath.a(0, 1) == Parameter("a", 0, 1)


def test_names_read_like_the_lecture():
    """w_jk^(l), b_j^(l) and a_j^(l)."""
    assert str(bpmath.w(2, 1, 0)) == "w_10^(2)"
    assert str(bpmath.b(3)) == "b_0^(3)"
    assert str(bpmath.a(2, 1)) == "a_1^(2)"


@pytest.mark.parametrize(
    ("text", "parameter"),
    [
        ("w3", Parameter("w", 3)),
        ("b1", Parameter("b", 1)),
        ("a0", Parameter("a", 0)),
        ("w_10^(2)", Parameter("w", 2, 1, 0)),
        ("b_1^(2)", Parameter("b", 2, 1)),
        ("a_2^(0)", Parameter("a", 0, 2)),
        ("b^(3)", Parameter("b", 3)),
        (" w_01 ^(2) ", Parameter("w", 2, 0, 1)),
        ("w12", Parameter("w", 12)),
    ],
)
def test_parse_reads_short_and_full_names(text, parameter):
    """'w3' is w^(3) of the chain; 'w_10^(2)' is w_10^(2); spaces are ignored."""
    assert Parameter.parse(text) == parameter


def test_parse_passes_a_parameter_through():
    """Parameter.parse(p) is p."""
    p = bpmath.w(2, 1, 1)
    assert Parameter.parse(p) is p


@given(st.sampled_from("wba"), st.integers(0, 99), st.integers(0, 9), st.integers(0, 9))
def test_names_round_trip(kind, layer, j, k):
    """parse(str(p)) == p for single-digit neuron indices."""
    p = Parameter(kind, layer, j, k if kind == "w" else 0)
    assert Parameter.parse(str(p)) == p, f"{p} read back as {Parameter.parse(str(p))}"


def test_check_accepts_what_exists():
    """check(net) returns the parameter when the network has it."""
    net = bpmath.examples.wide().network
    for p in (bpmath.w(2, 1, 2), bpmath.b(1, 2), bpmath.a(0, 1), bpmath.a(2, 1)):
        assert p.check(net) is p
    with pytest.raises(ValueError, match=r"layer of w_00\^\(3\)"):
        bpmath.w(3).check(net)


def test_parameters_are_values():
    """Parameters compare and hash by value, so they work as dictionary keys."""
    assert {bpmath.w(3): 1}[Parameter.parse("w3")] == 1
    assert bpmath.w(3) != bpmath.b(3)
