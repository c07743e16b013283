"""The canonical examples the scenes use, and how a user swaps in their own.

Three roles, each an :class:`Example` (a network with one or more input/target pairs):

``chain``
    The 1-1-1-1 chain of storyboard scenes 1–8: 3 weights, 3 biases, sigmoid, y = 1.
``wide``
    A [2, 3, 2] network for the multi-neuron scenes, targets (0, 1).
``training``
    The chain network with a handful of examples, for averaging and gradient descent.

All values are explicit (no random seed) and chosen so that every quantity reads well on
its number line. To use your own, write a TOML file (see ``bpmath/data/example.toml``) and
name it in the environment variable ``BPMATH_<ROLE>`` (``BPMATH_CHAIN``, ``BPMATH_WIDE``,
``BPMATH_TRAINING``); :func:`get` then loads it instead, and refuses a bad file with an
error that names the key and the problem.

>>> ex = chain()
>>> ex.network.sizes, ex.x.tolist(), ex.y.tolist()
((1, 1, 1, 1), [0.9], [1.0])
"""

from __future__ import annotations

import os
from pathlib import Path

from bpmath.example import ROLES, Example
from bpmath.example_file import ExampleFileError, load_example
from bpmath.network import Network

__all__ = ["ROLES", "Example", "chain", "get", "training", "wide"]


def chain() -> Example:
    """The one-neuron-per-layer chain: a^(1..3) ≈ 0.686, 0.700, 0.438 and C0 ≈ 0.316."""
    return Example(
        "chain",
        Network.chain(weights=[1.2, 2.4, 2.5], biases=[-0.3, -0.8, -2.0]),
        inputs=[0.9],
        targets=[1.0],
    )


def wide() -> Example:
    """A [2, 3, 2] network with input (0.8, 0.3) and target (0, 1)."""
    net = Network(
        weights=[
            [[1.5, -0.8], [-1.2, 2.0], [0.7, 1.1]],
            [[1.3, -0.9, 0.6], [-1.1, 1.6, 0.8]],
        ],
        biases=[[-0.2, 0.1, -0.4], [0.3, -0.5]],
    )
    return Example("wide", net, inputs=[[0.8, 0.3]], targets=[[0.0, 1.0]])


def training() -> Example:
    """The chain network with four examples: inputs near 1 should give 1, near 0 give 0."""
    return Example(
        "training",
        chain().network,
        inputs=[0.9, 0.2, 0.6, 0.1],
        targets=[1.0, 0.0, 1.0, 0.0],
    )


_BUILTIN = {"chain": chain, "wide": wide, "training": training}


def environment_variable(role: str) -> str:
    """The name of the variable that points ``role`` at a TOML file, e.g. BPMATH_CHAIN."""
    return f"BPMATH_{role.upper()}"


def get(role: str, path: str | Path | None = None) -> Example:
    """The example for ``role``: from ``path``, else ``$BPMATH_<ROLE>``, else built in.

    Raises
    ------
    ValueError
        If the role is unknown.
    bpmath.ExampleFileError
        If the file is bad or cannot play the role (a ``ValueError`` too); the message
        names the file, the key and the problem.
    """
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}, got {role!r}")
    source = path if path is not None else os.environ.get(environment_variable(role))
    if source:
        example = load_example(source)
        problem = example._role_problem(role)
        if problem is not None:
            key, message = problem
            raise ExampleFileError(f"{source}: key {key!r}: {message}")
        return example
    return _BUILTIN[role]().check_role(role)
