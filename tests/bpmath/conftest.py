"""Hypothesis profile and strategies shared by the bpmath tests."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import bpmath

settings.register_profile(
    "bpmath",
    derandomize=True,  # the same examples on every run and in CI
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("bpmath")

ACTIVATION_NAMES = tuple(bpmath.ACTIVATIONS)


@st.composite
def networks(draw, activations=ACTIVATION_NAMES, max_layers=4, max_width=5, scale=1.0):
    """A random network (1–4 weighted layers of 1–5 neurons), an input and a target."""
    depth = draw(st.integers(1, max_layers))
    sizes = draw(
        st.lists(st.integers(1, max_width), min_size=depth + 1, max_size=depth + 1)
    )
    activation = draw(st.sampled_from(activations))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    net = bpmath.Network.random(sizes, seed=seed, activation=activation, scale=scale)
    x = rng.uniform(-1, 1, sizes[0])
    y = rng.uniform(0, 1, sizes[-1])
    return net, x, y
