"""Names for the quantities one can nudge: a weight, a bias or an activation.

>>> w(3)
Parameter(kind='w', layer=3, j=0, k=0)
>>> str(w(2, j=1, k=0)), str(b(3)), str(a(2, 1))
('w_10^(2)', 'b_0^(3)', 'a_1^(2)')
>>> Parameter.parse("w3"), Parameter.parse("b_1^(2)")
(Parameter(kind='w', layer=3, j=0, k=0), Parameter(kind='b', layer=2, j=1, k=0))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bpmath._validation import check_index
from bpmath.network import Network

__all__ = ["Parameter", "a", "b", "w"]

_KINDS = ("w", "b", "a")
_PATTERN = re.compile(
    r"^(?P<kind2>[wba])(?P<layer2>\d+)$|"
    r"^(?P<kind>[wba])(_(?P<idx>\d+))?\^\((?P<layer>\d+)\)$"
)


@dataclass(frozen=True)
class Parameter:
    """One scalar of the network to nudge.

    Attributes
    ----------
    kind : {'w', 'b', 'a'}
        A weight w_jk^(layer), a bias b_j^(layer), or an activation a_j^(layer)
        (for an activation, ``j`` is the neuron and ``k`` is unused).
    layer : int
        The math index: 1..L for w and b, 0..L for a.
    j, k : int
        Neuron indices (w_jk connects neuron k of layer-1 to neuron j of layer).
    """

    kind: str
    layer: int
    j: int = 0
    k: int = 0

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise ValueError(
                f"parameter kind must be one of {_KINDS}, got {self.kind!r}"
            )
        check_index(self.layer, "layer", 0, 10**6)
        check_index(self.j, "j", 0, 10**6)
        check_index(self.k, "k", 0, 10**6)

    def __str__(self) -> str:
        sub = f"{self.j}{self.k}" if self.kind == "w" else f"{self.j}"
        return f"{self.kind}_{sub}^({self.layer})"

    @classmethod
    def parse(cls, text: str) -> Parameter:
        """Read ``"w3"``, ``"b_1^(2)"``, ``"w_10^(2)"`` or ``"a_0^(2)"``."""
        if isinstance(text, Parameter):
            return text
        if not isinstance(text, str):
            raise TypeError(
                f"parameter must be a Parameter or a name like 'w3', got {text!r}"
            )
        match = _PATTERN.match(text.replace(" ", ""))
        if match is None or not (match["layer"] or match["layer2"]):
            raise ValueError(
                f"parameter {text!r} is not a name like 'w3', 'b_0^(2)' or 'w_10^(2)'"
            )
        if match["kind2"]:
            return cls(match["kind2"], int(match["layer2"]))
        idx = match["idx"] or "0"
        if match["kind"] == "w":
            if len(idx) != 2:
                raise ValueError(
                    f"parameter {text!r}: a weight needs two indices, as in w_10^(2)"
                )
            return cls("w", int(match["layer"]), int(idx[0]), int(idx[1]))
        return cls(match["kind"], int(match["layer"]), int(idx))

    def check(self, net: Network) -> Parameter:
        """Check that this parameter exists in ``net``; return it."""
        low = 0 if self.kind == "a" else 1
        check_index(self.layer, f"layer of {self}", low, net.L)
        check_index(self.j, f"j of {self}", 0, net.sizes[self.layer] - 1)
        if self.kind == "w":
            check_index(self.k, f"k of {self}", 0, net.sizes[self.layer - 1] - 1)
        return self


def w(layer: int, j: int = 0, k: int = 0) -> Parameter:
    """The weight w_jk^(layer)."""
    return Parameter("w", layer, j, k)


def b(layer: int, j: int = 0) -> Parameter:
    """The bias b_j^(layer)."""
    return Parameter("b", layer, j)


def a(layer: int, j: int = 0) -> Parameter:
    """The activation a_j^(layer), nudged as if it were a free variable."""
    return Parameter("a", layer, j)
