"""A second example for each role, so the scene tests see that nothing is hard-coded."""

from __future__ import annotations

import bpmath


def example_for(role: str) -> bpmath.Example:
    """An example of ``role`` that differs from the canonical one in every value."""
    if role == "chain":
        net = bpmath.Network.chain([-0.9, 1.7, 1.3], [0.4, -0.2, 0.6])
        return bpmath.Example("other chain", net, inputs=[0.35], targets=[0.0])
    if role == "training":
        net = bpmath.Network.chain([0.8, -1.6, 2.2], [0.1, 0.9, -0.4])
        return bpmath.Example(
            "other batch", net, inputs=[0.15, 0.8, 0.45], targets=[1.0, 0.0, 1.0]
        )
    if role == "wide":
        net = bpmath.Network.random([2, 3, 2], seed=7)
        return bpmath.Example(
            "other wide", net, inputs=[[0.2, 0.9]], targets=[[1.0, 0.0]]
        )
    raise ValueError(f"no second example for role {role!r}")
