"""What depends on what: w, a^(L-1), b → z → a; a, y → C0, and one layer further up.

The tree reads top-down, the way the computation runs. :meth:`DependencyTree.extend_up`
grows it by one layer above a^(L-1): w^(L-1), a^(L-2), b^(L-1) → z^(L-1) → a^(L-1).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    UP,
    Animation,
    AnimationGroup,
    FadeIn,
    Indicate,
    LaggedStart,
    Line,
    MathTex,
    ShowPassingFlash,
    VGroup,
    YELLOW,
)

from scenes.kit.style import FONT_SIZE, MUTED, color_of
from scenes.kit.values import ExampleValues, Quantity, ValueNumber

__all__ = ["DependencyTree", "NODE_QUANTITIES"]

# name: (LaTeX, symbol, (column, row)); rows grow downward, the upper part has rows 0-1.
_NODES = {
    "w_Lm1": (r"w^{(L-1)}", "w", (-1, 0)),
    "a_Lm2": (r"a^{(L-2)}", "a", (0, 0)),
    "b_Lm1": (r"b^{(L-1)}", "b", (1, 0)),
    "z_Lm1": (r"z^{(L-1)}", "z", (0, 1)),
    "w_L": (r"w^{(L)}", "w", (-1, 2)),
    "a_Lm1": (r"a^{(L-1)}", "a", (0, 2)),
    "b_L": (r"b^{(L)}", "b", (1, 2)),
    "z_L": (r"z^{(L)}", "z", (0, 3)),
    "a_L": (r"a^{(L)}", "a", (0, 4)),
    "y": (r"y", "y", (1, 4)),
    "C0": (r"C_0", "C", (0.5, 5)),
}
_EDGES = [
    ("w_Lm1", "z_Lm1"),
    ("a_Lm2", "z_Lm1"),
    ("b_Lm1", "z_Lm1"),
    ("z_Lm1", "a_Lm1"),
    ("w_L", "z_L"),
    ("a_Lm1", "z_L"),
    ("b_L", "z_L"),
    ("z_L", "a_L"),
    ("a_L", "C0"),
    ("y", "C0"),
]
UPPER = ("w_Lm1", "a_Lm2", "b_Lm1", "z_Lm1")

NODE_QUANTITIES = {
    "w_Lm1": ("w", -1),
    "a_Lm2": ("a", -2),
    "b_Lm1": ("b", -1),
    "z_Lm1": ("z", -1),
    "w_L": ("w", 0),
    "a_Lm1": ("a", -1),
    "b_L": ("b", 0),
    "z_L": ("z", 0),
    "a_L": ("a", 0),
    "y": ("y", None),
    "C0": ("C", None),
}
"""Which quantity each node names: (name, layer offset from L; None for no layer)."""


class DependencyTree(VGroup):
    """The dependency tree of the last layer, optionally with its values beside each node.

    Parameters
    ----------
    values : ExampleValues, optional
        When given, each node gets its value from bpmath written to its right.
    column_spacing, row_spacing : float
        Layout grid.
    decimals : int
        Decimals of the values.
    """

    def __init__(
        self,
        values: ExampleValues | None = None,
        column_spacing: float = 2.2,
        row_spacing: float = 1.05,
        decimals: int = 2,
        font_size: float = FONT_SIZE,
    ) -> None:
        super().__init__()
        self.nodes: dict[str, MathTex] = {}
        self.edges: dict[tuple[str, str], Line] = {}
        self.labels: dict[str, ValueNumber] = {}
        for name, (tex, symbol, (col, row)) in _NODES.items():
            node = MathTex(tex, font_size=font_size, color=color_of(symbol))
            node.move_to(np.array([col * column_spacing, -row * row_spacing, 0]))
            self.nodes[name] = node
        for parent, child in _EDGES:
            start, end = self.nodes[parent], self.nodes[child]
            line = Line(start.get_bottom(), end.get_top(), buff=0.1).set_stroke(
                MUTED, 2
            )
            self.edges[(parent, child)] = line
        if values is not None:
            L = values.net.L
            for name, (quantity, offset) in NODE_QUANTITIES.items():
                layer = None if offset is None else L + offset
                shown = values.shown(Quantity(quantity, layer), decimals)
                label = ValueNumber(shown, font_size=font_size * 0.66)
                label.next_to(self.nodes[name], RIGHT, buff=0.15)
                self.labels[name] = label
        self.lower = self._part(lambda n: n not in UPPER)
        self.upper = self._part(lambda n: n in UPPER)
        self.upper.add(self.edges[("z_Lm1", "a_Lm1")])
        self.add(self.lower)
        self.lower_center = self.lower.get_center()
        self.shift(-self.lower_center)
        self.upper.shift(-self.lower_center)

    def _part(self, keep) -> VGroup:
        group = VGroup()
        for name, node in self.nodes.items():
            if keep(name):
                group.add(node)
                if name in self.labels:
                    group.add(self.labels[name])
        for (parent, child), line in self.edges.items():
            if keep(parent) and keep(child):
                group.add(line)
        return group

    @property
    def is_extended(self) -> bool:
        """Whether the upper layer is part of the tree."""
        return self.upper in self.submobjects

    def node(self, name: str) -> MathTex:
        """A node by name: w_L, a_Lm1, b_L, z_L, a_L, y, C0, w_Lm1, a_Lm2, b_Lm1, z_Lm1."""
        if name not in self.nodes:
            raise ValueError(f"no node {name!r}; nodes are {', '.join(self.nodes)}")
        return self.nodes[name]

    def extend_up(self, shift: np.ndarray | None = None) -> Animation:
        """Grow the tree by a^(L-1)'s own weight, bias and input, shifting it down first.

        ``shift`` is how far the existing tree moves (default: down by half the new part's
        height, which keeps the whole tree centred where the small one was).
        """
        if self.is_extended:
            raise ValueError("the tree is already extended")
        rise = self.nodes["a_Lm1"].get_center()[1] - self.nodes["z_Lm1"].get_center()[1]
        rise += (
            self.nodes["z_Lm1"].get_center()[1] - self.nodes["a_Lm2"].get_center()[1]
        )
        move = shift if shift is not None else DOWN * abs(rise) / 2
        self.upper.shift(move)
        self.add(self.upper)
        return AnimationGroup(
            self.lower.animate.shift(move),
            FadeIn(self.upper, shift=0.3 * DOWN),
            lag_ratio=0.5,
        )

    def highlight_path(self, names: Sequence[str], color=YELLOW) -> Animation:
        """Flash each edge between consecutive nodes and pulse the nodes, in order."""
        steps = []
        for parent, child in zip(names, names[1:]):
            if (parent, child) not in self.edges:
                raise ValueError(f"no edge {parent} → {child} in the tree")
            line = self.edges[(parent, child)].copy().set_stroke(color, width=6)
            steps.append(
                AnimationGroup(
                    Indicate(self.nodes[parent], color=color),
                    ShowPassingFlash(line, time_width=0.8),
                )
            )
        steps.append(Indicate(self.nodes[names[-1]], color=color))
        return LaggedStart(*steps, lag_ratio=0.6)
