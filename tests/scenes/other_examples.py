"""More examples for each role, so the scene tests see that nothing is hard-coded.

``example_for(role)`` is the second example every scene is built on ("other"). The
examples under :data:`HARD_KEYS` are the kinds a user's own TOML file brought up and that
broke a scene once: a saturated sigmoid (changes too small to draw), large values with the
identity activation (long numbers), tanh with negative targets, a dead ReLU neuron, longer
chains. The scenes of that role are built on them too, so those stay fixed.
"""

from __future__ import annotations

import bpmath
from scenes.kit.values import ExampleValues

__all__ = ["HARD_KEYS", "example_for", "role_values"]


def _chain(name: str, w, b, x, y, activation: str = "sigmoid") -> bpmath.Example:
    net = bpmath.Network.chain(w, b, activation=activation)
    return bpmath.Example(name, net, inputs=x, targets=y)


_EXAMPLES = {
    ("chain", "other"): lambda: _chain(
        "other chain", [-0.9, 1.7, 1.3], [0.4, -0.2, 0.6], [0.35], [0.0]
    ),
    ("chain", "saturated"): lambda: _chain(
        "saturated chain", [4.0, 6.0, 7.0], [-1.0, -2.0, -3.0], [0.9], [0.0]
    ),
    ("chain", "large"): lambda: _chain(
        "large identity chain",
        [3.0, 5.0, 4.0],
        [10.0, -20.0, 30.0],
        [2.0],
        [300.0],
        activation="identity",
    ),
    ("chain", "tanh5"): lambda: _chain(
        "tanh chain of 5",
        [1.1, -0.8, 1.4, 0.9, -1.2],
        [0.1, 0.2, -0.3, 0.1, 0.05],
        [0.7],
        [-0.5],
        activation="tanh",
    ),
    ("chain", "relu2"): lambda: _chain(
        "relu chain of 2", [1.5, -0.7], [0.2, -0.1], [0.6], [0.4], activation="relu"
    ),
    ("training", "other"): lambda: _chain(
        "other batch",
        [0.8, -1.6, 2.2],
        [0.1, 0.9, -0.4],
        [0.15, 0.8, 0.45],
        [1.0, 0.0, 1.0],
    ),
    ("training", "tanh"): lambda: _chain(
        "tanh batch of 8",
        [1.2, -0.9],
        [0.1, 0.3],
        [-1.0, -0.7, -0.4, -0.1, 0.2, 0.5, 0.8, 1.0],
        [0.5, 0.4, 0.2, 0.0, -0.1, -0.3, -0.4, -0.6],
        activation="tanh",
    ),
    ("wide", "other"): lambda: bpmath.Example(
        "other wide [3, 4, 3]",
        bpmath.Network.random([3, 4, 3], seed=7),
        inputs=[[0.2, 0.9, 0.5]],
        targets=[[1.0, 0.0, 1.0]],
    ),
    ("wide", "tanh"): lambda: bpmath.Example(
        "tanh wide, negative targets",
        bpmath.Network(
            [[[0.9, -1.3], [1.1, 0.4]], [[-1.4, 0.8], [0.6, 1.2]]],
            [[0.1, -0.2], [0.0, 0.3]],
            activation="tanh",
        ),
        inputs=[[0.5, -0.6]],
        targets=[[-0.8, 0.4]],
    ),
}

HARD_KEYS = {
    role: tuple(k for r, k in _EXAMPLES if r == role and k != "other")
    for role in bpmath.examples.ROLES
}
"""The extra examples of each role beyond the second one, by role."""


def example_for(role: str, key: str = "other") -> bpmath.Example:
    """The example ``key`` of ``role`` (``"other"``: differs from the canonical in every value)."""
    try:
        make = _EXAMPLES[(role, key)]
    except KeyError:
        raise ValueError(f"no test example {key!r} for role {role!r}") from None
    return make()


def role_values(role: str, *keys: str) -> dict[str, ExampleValues]:
    """``ExampleValues`` of the canonical example of ``role`` and of its test ``keys``.

    Keyed ``"canonical"`` and each key, for a module-scoped fixture to step through.
    """
    found = {"canonical": ExampleValues(bpmath.examples.get(role))}
    found.update({key: ExampleValues(example_for(role, key)) for key in keys})
    return found
