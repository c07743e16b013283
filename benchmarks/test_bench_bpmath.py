"""Benchmarks (``make bench``): how long bpmath's calls take, measured, not asserted.

Scenes call bpmath freely from updaters, so a backward pass must stay far below a frame's
budget (16 ms at 60 fps). Compare ratios from one run; these machines are noisy.
"""

import pytest

import bpmath

CHAIN = bpmath.examples.chain()
WIDE = bpmath.examples.wide()
TRAINING = bpmath.examples.training()


@pytest.mark.parametrize("example", [CHAIN, WIDE], ids=["chain", "wide"])
def test_forward(benchmark, example):
    """One forward pass."""
    benchmark(bpmath.forward, example.network, example.x)


@pytest.mark.parametrize("example", [CHAIN, WIDE], ids=["chain", "wide"])
def test_backward(benchmark, example):
    """One backward pass (includes its forward pass)."""
    benchmark(bpmath.backward, example.network, example.x, example.y)


def test_nudge_chain(benchmark):
    """A nudge: two forward passes and the ratios."""
    ex = CHAIN
    benchmark(lambda: bpmath.nudge(ex.network, ex.x, ex.y, "w3", 0.01).ratio)


def test_average_gradient_training(benchmark):
    """Backpropagation over the four training examples, averaged."""
    benchmark(
        bpmath.average_gradient, TRAINING.network, TRAINING.inputs, TRAINING.targets
    )


def test_gradient_descent_100_steps(benchmark):
    """One hundred steps of gradient descent on the training set."""
    ex = TRAINING
    benchmark(bpmath.gradient_descent, ex.network, ex.inputs, ex.targets, 1.0, 100)


def test_backward_random_5x4(benchmark):
    """A larger random network: four layers of five neurons."""
    net = bpmath.Network.random([5, 5, 5, 5, 5], seed=0)
    benchmark(bpmath.backward, net, [0.1] * 5, [0.0] * 5)
