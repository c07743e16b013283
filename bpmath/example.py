"""One example of the lecture: a network and the input/target pair(s) it is shown on.

:class:`Example` knows which roles it can play (``chain``, ``wide``, ``training``) and
says why it cannot play one. The canonical examples are in :mod:`bpmath.examples`; a
user's TOML file is read by :mod:`bpmath.example_file`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from bpmath._validation import as_batch_pair
from bpmath.network import Network

__all__ = ["ROLES", "Example"]

ROLES = ("chain", "wide", "training")
"""The roles a scene can ask for."""


@dataclass(frozen=True, eq=False)
class Example:
    """A network and the example(s) it is shown on.

    Attributes
    ----------
    name : str
        A short title, shown nowhere the math depends on it.
    network : Network
    inputs : ndarray, shape (m, n_0)
        One input per row.
    targets : ndarray, shape (m, n_L)
        One desired output per row.
    """

    name: str
    network: Network
    inputs: np.ndarray
    targets: np.ndarray

    def __init__(self, name: str, network: Network, inputs: Any, targets: Any) -> None:
        if not isinstance(network, Network):
            raise TypeError(
                f"network must be a bpmath.Network, got {type(network).__name__}"
            )
        xs, ys = as_batch_pair(
            inputs,
            targets,
            (network.sizes[0], network.sizes[-1]),
            ("inputs", "targets"),
        )
        object.__setattr__(self, "name", str(name))
        object.__setattr__(self, "network", network)
        object.__setattr__(self, "inputs", xs)
        object.__setattr__(self, "targets", ys)

    @property
    def x(self) -> np.ndarray:
        """The first input a^(0), the one single-example scenes show."""
        return self.inputs[0]

    @property
    def y(self) -> np.ndarray:
        """The first target."""
        return self.targets[0]

    @property
    def n_examples(self) -> int:
        """How many (x, y) pairs there are."""
        return self.inputs.shape[0]

    def check_role(self, role: str) -> Example:
        """Raise ``ValueError`` unless this example can play ``role``; return it."""
        problem = self._role_problem(role)
        if problem is not None:
            raise ValueError(problem[1])
        return self

    def _role_problem(self, role: str) -> tuple[str, str] | None:
        """``(file key, message)`` saying why this example cannot play ``role``."""
        sizes = self.network.sizes
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, got {role!r}")
        if role in ("chain", "training") and not self.network.is_chain:
            return "weights", (
                f"the {role} example must have one neuron per layer, got layer sizes"
                f" {list(sizes)}"
            )
        if self.network.L < 2:
            return "weights", (
                f"the {role} example needs at least 2 weighted layers (the lecture looks at"
                f" layers L-1 and L), got {self.network.L}"
            )
        if role == "wide" and max(sizes[-2:]) < 2:
            return "weights", (
                f"the wide example needs several neurons in layer L or L-1, got sizes"
                f" {list(sizes)}"
            )
        if role == "training" and self.n_examples < 2:
            return "inputs", (
                f"the training example needs at least 2 examples, got {self.n_examples}"
            )
        return None
