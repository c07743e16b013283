"""The built-in examples: chain, wide, training; roles; the Example container."""

from __future__ import annotations

import math

import numpy as np
import pytest

import bpmath
from bpmath import examples


@pytest.fixture(autouse=True)
def _no_user_examples(monkeypatch):
    """Each test sees the built-in examples, whatever the shell has set."""
    for role in examples.ROLES:
        monkeypatch.delenv(examples.environment_variable(role), raising=False)


def test_roles_and_builtins():
    """The three roles exist and get(role) returns the built-in example for each."""
    assert examples.ROLES == ("chain", "wide", "training")
    for role, builtin in (
        ("chain", examples.chain),
        ("wide", examples.wide),
        ("training", examples.training),
    ):
        got = examples.get(role)
        assert isinstance(got, bpmath.Example) and got.name == role
        assert got.network == builtin().network and np.array_equal(
            got.inputs, builtin().inputs
        )
        assert got.check_role(role) is got


def test_chain_reads_as_documented():
    """The docstring says a^(1..3) ≈ 0.686, 0.700, 0.438 and C0 ≈ 0.316: check by hand."""
    a, values = 0.9, []
    for w, b in ((1.2, -0.3), (2.4, -0.8), (2.5, -2.0)):
        a = 1 / (1 + math.exp(-(w * a + b)))
        values.append(round(a, 3))
    assert values == [0.686, 0.700, 0.438]
    assert round((a - 1.0) ** 2, 3) == 0.316
    t = bpmath.forward(examples.chain().network, 0.9)
    assert [round(float(t.a(l)[0]), 3) for l in (1, 2, 3)] == values


def test_training_uses_the_chain_with_four_examples():
    """Inputs near 1 should give 1 and inputs near 0 should give 0."""
    tr = examples.training()
    assert tr.network == examples.chain().network
    assert tr.inputs.ravel().tolist() == [0.9, 0.2, 0.6, 0.1]
    assert tr.targets.ravel().tolist() == [1.0, 0.0, 1.0, 0.0]
    assert tr.n_examples == 4 and tr.inputs.shape == (4, 1)


def test_wide_shape_and_target():
    """[2, 3, 2] with target (0, 1)."""
    ex = examples.wide()
    assert ex.network.sizes == (2, 3, 2) and ex.y.tolist() == [0.0, 1.0]
    assert ex.n_examples == 1 and ex.x.shape == (2,)


def test_each_call_gives_an_equal_example():
    """Built-ins are rebuilt on each call but always equal."""
    assert examples.chain() is not examples.chain()
    assert examples.chain().network == examples.chain().network


def test_example_x_and_y_are_the_first_row():
    """Example.x and .y are the first input and target, as flat vectors."""
    ex = bpmath.Example("two", examples.chain().network, [0.3, 0.7], [0.0, 1.0])
    assert ex.x.tolist() == [0.3] and ex.y.tolist() == [0.0] and ex.n_examples == 2
    assert ex.inputs.shape == (2, 1) and ex.targets.shape == (2, 1)


@pytest.mark.parametrize(
    ("builtin", "role", "match"),
    [
        (examples.wide, "chain", "one neuron per layer"),
        (examples.chain, "wide", "several neurons in layer L or L-1"),
        (examples.chain, "training", "at least 2 examples, got 1"),
        (examples.chain, "deep", "role must be one of"),
    ],
)
def test_check_role_refuses_the_wrong_shape(builtin, role, match):
    """A built-in that cannot play a role is refused with the reason."""
    with pytest.raises(ValueError, match=match):
        builtin().check_role(role)
