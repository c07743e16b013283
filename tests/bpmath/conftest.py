"""Hypothesis profile and strategies shared by the bpmath tests.

The profile is derandomized: hypothesis draws the same examples on every run, on every
machine and in CI, so a failure seen once is seen again. ``deadline=None`` because the
first example of a test pays for numpy's warm-up.
"""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import bpmath

settings.register_profile(
    "bpmath",
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("bpmath")

ACTIVATION_NAMES = tuple(bpmath.ACTIVATIONS)
KINKED = frozenset({"relu", "leaky_relu"})
"""Activations with a kink at z = 0, where σ' jumps and finite differences disagree."""


@st.composite
def networks(
    draw,
    activations=ACTIVATION_NAMES,
    max_layers: int = 4,
    max_width: int = 5,
    scale: float = 1.0,
    input_range: float = 1.0,
):
    """A random network (1–``max_layers`` weighted layers of 1–``max_width`` neurons).

    Returns ``(net, x, y)``: the network, an input in ±``input_range`` and a target in
    [0, 1]. The parameters come from :meth:`bpmath.Network.random` with a drawn seed.
    """
    depth = draw(st.integers(1, max_layers))
    sizes = draw(
        st.lists(st.integers(1, max_width), min_size=depth + 1, max_size=depth + 1)
    )
    activation = draw(st.sampled_from(activations))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed + 1)
    net = bpmath.Network.random(sizes, seed=seed, activation=activation, scale=scale)
    x = rng.uniform(-input_range, input_range, sizes[0])
    y = rng.uniform(0, 1, sizes[-1])
    return net, x, y


def away_from_kinks(net: bpmath.Network, x, margin: float = 1e-3) -> bool:
    """True unless a kinked activation sees some abs(z_j^(l)) below ``margin``."""
    if net.activation.name not in KINKED:
        return True
    trace = bpmath.forward(net, x)
    return all(np.min(np.abs(trace.z(l))) > margin for l in range(1, net.L + 1))


def cost_of(net: bpmath.Network, x, y) -> float:
    """C0 of one example: a forward pass, then the cost of its output."""
    return bpmath.cost(bpmath.forward(net, x).output, y)
