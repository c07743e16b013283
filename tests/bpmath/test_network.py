"""Network: construction, math-indexed access, changed copies, parameter vectors, equality."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

import bpmath
from bpmath import Network
from tests.bpmath.conftest import networks

WIDE_W = [[[1.5, -0.8], [-1.2, 2.0], [0.7, 1.1]], [[1.3, -0.9, 0.6], [-1.1, 1.6, 0.8]]]
WIDE_B = [[-0.2, 0.1, -0.4], [0.3, -0.5]]


def test_chain_builds_one_neuron_per_layer():
    """Network.chain turns scalars into 1×1 matrices and length-1 biases."""
    net = Network.chain([1.2, 2.4, 2.5], [-0.3, -0.8, -2.0], activation="tanh")
    assert net.L == 3 and net.sizes == (1, 1, 1, 1) and net.is_chain
    assert [net.weight(l).shape for l in (1, 2, 3)] == [(1, 1)] * 3
    assert [net.bias(l).shape for l in (1, 2, 3)] == [(1,)] * 3
    assert [float(net.weight(l)[0, 0]) for l in (1, 2, 3)] == [1.2, 2.4, 2.5]
    assert [float(net.bias(l)[0]) for l in (1, 2, 3)] == [-0.3, -0.8, -2.0]
    assert net.activation is bpmath.ACTIVATIONS["tanh"]


def test_matrices_are_indexed_by_math_layer():
    """weight(l) is W^(l) of shape (n_l, n_{l-1}); W[j, k] is w_jk; n(l) is the layer size."""
    net = Network(WIDE_W, WIDE_B)
    assert net.L == 2 and net.sizes == (2, 3, 2) and not net.is_chain
    assert net.weight(1).shape == (3, 2) and net.weight(2).shape == (2, 3)
    assert net.weight(2)[1, 0] == -1.1, "w_10^(2) is row 1, column 0 of W^(2)"
    assert net.bias(2).tolist() == [0.3, -0.5]
    assert [net.n(l) for l in range(3)] == [2, 3, 2]
    assert net.n_parameters == 3 * 2 + 3 + 2 * 3 + 2


def test_scalars_lists_and_arrays_make_the_same_network():
    """A scalar weight is a 1×1 matrix; lists, tuples and arrays are all accepted."""
    from_scalars = Network([1.5, -2.0], [0.5, 0.25])
    from_lists = Network([[[1.5]], [[-2.0]]], [[0.5], [0.25]])
    from_arrays = Network(
        (np.array([[1.5]]), np.array([[-2.0]])), (np.array([0.5]), 0.25)
    )
    assert from_scalars == from_lists == from_arrays


def test_network_copies_what_it_is_given():
    """Changing the caller's array afterwards does not change the network."""
    w = np.array([[1.0, 2.0]])
    b = np.array([0.5])
    net = Network([w], [b])
    w[0, 0], b[0] = 99.0, 99.0
    assert net.weight(1).tolist() == [[1.0, 2.0]] and net.bias(1).tolist() == [0.5]


def test_random_is_reproducible_and_shaped():
    """The same seed gives the same network; another seed another; sizes and activation kept."""
    a = Network.random([3, 4, 2], seed=5, activation="relu")
    assert a == Network.random([3, 4, 2], seed=5, activation="relu")
    assert a != Network.random([3, 4, 2], seed=6, activation="relu")
    assert a.sizes == (3, 4, 2) and a.activation.name == "relu"


def test_random_scale_is_the_standard_deviation():
    """Parameters are drawn with standard deviation ``scale`` (2550 draws: within 10 %)."""
    net = Network.random([50, 50], seed=0, scale=2.0)
    std = float(np.std(net.parameter_vector()))
    assert 1.8 < std < 2.2, f"standard deviation {std}, expected about 2"


def test_with_weight_and_with_bias_change_one_entry_of_a_copy():
    """with_weight / with_bias return a new network; the original is untouched."""
    net = Network(WIDE_W, WIDE_B)
    moved = net.with_weight(2, 1, 2, 5.0)
    assert moved.weight(2)[1, 2] == 5.0 and net.weight(2)[1, 2] == 0.8
    changed = np.flatnonzero(moved.parameter_vector() != net.parameter_vector())
    assert len(changed) == 1, f"{len(changed)} parameters changed, expected 1"
    shifted = net.with_bias(1, 2, -7.0)
    assert shifted.bias(1)[2] == -7.0 and net.bias(1)[2] == -0.4
    assert np.sum(shifted.parameter_vector() != net.parameter_vector()) == 1


def test_parameter_vector_order_by_hand():
    """W^(1) row by row, then b^(1), then W^(2), then b^(2)."""
    net = Network(WIDE_W, WIDE_B)
    by_hand = [1.5, -0.8, -1.2, 2.0, 0.7, 1.1, -0.2, 0.1, -0.4,
               1.3, -0.9, 0.6, -1.1, 1.6, 0.8, 0.3, -0.5]  # fmt: skip
    assert net.parameter_vector().tolist() == by_hand


def test_from_parameter_vector_keeps_shape_and_activation():
    """A new vector fills the same shapes, with the same activation."""
    net = Network(WIDE_W, WIDE_B, activation="leaky_relu")
    new = net.from_parameter_vector(np.arange(17.0))
    assert new.sizes == net.sizes and new.activation.name == "leaky_relu"
    assert new.weight(1).tolist() == [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]]
    assert new.bias(1).tolist() == [6.0, 7.0, 8.0] and new.bias(2).tolist() == [
        15.0,
        16.0,
    ]


def test_equality_compares_values_shapes_and_activation():
    """Networks are equal when shapes, values and activation are; a non-network never is."""
    net = Network(WIDE_W, WIDE_B)
    assert net == Network(WIDE_W, WIDE_B)
    assert net != Network(WIDE_W, WIDE_B, activation="tanh")
    assert net != net.with_bias(2, 0, 0.0)
    assert Network.chain([1.0, 2.0], [0.0, 0.0]) != Network.chain([1.0], [0.0])
    assert net != "network" and net is not None


@settings(max_examples=30)
@given(networks())
def test_equal_networks_hash_alike(case):
    """Equal networks have equal hashes, even when one holds −0.0 where the other holds 0.0."""
    net, _, _ = case
    twin = net.from_parameter_vector(net.parameter_vector().copy())
    assert twin == net and hash(twin) == hash(net)
    zeros = net.from_parameter_vector(np.zeros(net.n_parameters))
    minus_zeros = net.from_parameter_vector(-np.zeros(net.n_parameters))
    assert zeros == minus_zeros, "−0.0 and 0.0 are equal values"
    assert hash(zeros) == hash(minus_zeros), "equal networks must hash alike"
    assert len({net, twin}) == 1


def test_repr_of_a_chain_rebuilds_it():
    """repr of a chain is a Network.chain call that makes an equal network."""
    net = bpmath.examples.chain().network
    assert repr(net).startswith("Network.chain([1.2, 2.4, 2.5], [-0.3, -0.8, -2.0]")
    assert eval(repr(net), {"Network": Network}) == net  # noqa: S307 - our own repr
    assert (
        repr(Network(WIDE_W, WIDE_B))
        == "Network(sizes=(2, 3, 2), activation='sigmoid')"
    )


def test_network_fields_are_read_only():
    """The stored matrices cannot be written, and the network cannot be reassigned."""
    net = Network(WIDE_W, WIDE_B)
    with pytest.raises(ValueError, match="read-only"):
        net.weight(1)[0, 0] = 0.0
    with pytest.raises(ValueError, match="read-only"):
        net.bias(2)[0] = 0.0
    with pytest.raises(AttributeError):
        net.weights = ()
