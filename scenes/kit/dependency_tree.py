"""What depends on what: w, a^(L-1), b → z → a; a, y → C0, and one layer further up.

The tree reads top-down, the way the computation runs; every arrow points from a
quantity to one it helps make. :meth:`DependencyTree.extend_up` grows it by the layer
above a^(L-1): w^(L-1), a^(L-2), b^(L-1) → z^(L-1) → a^(L-1).

Examples
--------
In a :class:`~scenes.kit.beats.LectureScene`::

    tree = DependencyTree(self.values)          # values beside the nodes
    self.play(FadeIn(tree))
    self.play(tree.highlight_path(["w_L", "z_L", "a_L", "C0"]))
    self.play(tree.extend_up())
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    Animation,
    AnimationGroup,
    Arrow,
    FadeIn,
    Indicate,
    LaggedStart,
    Line,
    ManimColor,
    MathTex,
    ShowPassingFlash,
    VGroup,
)

from scenes.kit.style import FONT_SIZE, HIGHLIGHT, MUTED, color_of
from scenes.kit.values import ExampleValues, Quantity, ValueNumber

__all__ = ["EDGES", "NODES", "NODE_QUANTITIES", "UPPER", "DependencyTree"]

NODES: dict[str, tuple[str, str, tuple[float, int]]] = {
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
"""Node name → (LaTeX, symbol for the colour, (column, row)); rows grow downward."""

EDGES: tuple[tuple[str, str], ...] = (
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
)
"""(parent, child): the parent is one of the inputs the child is computed from."""

UPPER = ("w_Lm1", "a_Lm2", "b_Lm1", "z_Lm1")
"""The nodes :meth:`DependencyTree.extend_up` adds."""

NODE_QUANTITIES: dict[str, tuple[str, int | None]] = {
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

SIDE_LANDING = 0.45
"""Where a side arrow lands on its child's top: this share of the half-width off centre."""

_REFERENCE = ("a_Lm1", "C0")  # two lower nodes that pin the upper part in place


class DependencyTree(VGroup):
    """The dependency tree of the cost of one example, optionally with values.

    Parameters
    ----------
    values : ExampleValues, optional
        When given, each node gets its value from bpmath written to its right
        (a tagged :class:`ValueNumber`, one example: row ``example``).
    extended : bool
        Start with the upper layer already in place (see :meth:`extend_up`).
    example : int
        Which row of a multi-example ``values`` the numbers are for.
    column_spacing, row_spacing : float
        The layout grid: the extended tree is ``5 * row_spacing`` plus one node high.
    decimals : int
        Decimals of the values.
    font_size : float
        Size of the node symbols; values are two thirds of it.

    Attributes
    ----------
    nodes : dict
        Name → :class:`~manim.MathTex` of every node, the upper ones included.
    edges : dict
        (parent, child) → :class:`~manim.Arrow`.
    labels : dict
        Name → :class:`ValueNumber` (empty without ``values``).
    lower, upper : VGroup
        The last layer's tree, and the part :meth:`extend_up` adds.
    """

    def __init__(
        self,
        values: ExampleValues | None = None,
        *,
        extended: bool = False,
        example: int = 0,
        column_spacing: float = 2.4,
        row_spacing: float = 1.1,
        decimals: int = 2,
        font_size: float = FONT_SIZE,
    ) -> None:
        super().__init__()
        self.row_spacing = row_spacing
        self.growth = np.zeros(3)
        self.nodes: dict[str, MathTex] = {}
        self.edges: dict[tuple[str, str], Arrow] = {}
        self.labels: dict[str, ValueNumber] = {}
        for name, (tex, symbol, (col, row)) in NODES.items():
            node = MathTex(tex, font_size=font_size, color=color_of(symbol))
            node.move_to(np.array([col * column_spacing, -row * row_spacing, 0.0]))
            self.nodes[name] = node
        for parent, child in EDGES:
            self.edges[(parent, child)] = self._arrow(parent, child)
        if values is not None:
            self._add_values(values, example, decimals, font_size * 2 / 3)
        self.lower = self._part(lambda n: n not in UPPER)
        self.upper = self._part(lambda n: n in UPPER)
        self.upper.add(self.edges[("z_Lm1", "a_Lm1")])
        self.add(self.lower)
        offset = -self.lower.get_center()
        self.lower.shift(offset)
        self.upper.shift(offset)
        # Where the reference nodes sit in the (never moved) upper part's coordinates.
        self._layout = {n: self.nodes[n].get_center().copy() for n in _REFERENCE}
        if extended:
            self.lower.shift(self._attach_upper())

    # --- construction ------------------------------------------------------------------

    def _arrow(self, parent: str, child: str) -> Arrow:
        start, end = self.nodes[parent], self.nodes[child]
        # Arrows from the side land on the child's top towards their own side, so the
        # tips of converging arrows do not pile up on one point of the child's symbol.
        side = np.sign(round(start.get_x() - end.get_x(), 6))
        target = end.get_top() + side * SIDE_LANDING * end.width / 2 * RIGHT
        arrow = Arrow(
            start.get_bottom(),
            target,
            buff=0.1,
            stroke_width=2.5,
            tip_length=0.14,
            max_tip_length_to_length_ratio=0.3,
            max_stroke_width_to_length_ratio=10,
        )
        return arrow.set_color(MUTED)

    def _add_values(
        self, values: ExampleValues, example: int, decimals: int, size: float
    ) -> None:
        L = values.net.L
        for name, (quantity, offset) in NODE_QUANTITIES.items():
            layer = None if offset is None else L + offset
            if layer is not None and layer < 0:
                continue  # a one-layer network has no layer above a^(L-1)
            q = Quantity(quantity, layer, example=example)
            label = ValueNumber(values.shown(q, decimals), font_size=size)
            label.next_to(self.nodes[name], RIGHT, buff=0.12)
            self.labels[name] = label

    def _part(self, keep) -> VGroup:
        group = VGroup()
        for name, node in self.nodes.items():
            if keep(name):
                group.add(node, *([self.labels[name]] if name in self.labels else []))
        for (parent, child), arrow in self.edges.items():
            if keep(parent) and keep(child):
                group.add(arrow)
        return group

    # --- access ----------------------------------------------------------------------

    @property
    def is_extended(self) -> bool:
        """Whether the upper layer is part of the tree."""
        return self.upper in self.submobjects

    @property
    def names(self) -> list[str]:
        """The names of the nodes currently in the tree, top to bottom."""
        return [n for n in NODES if self.is_extended or n not in UPPER]

    def node(self, name: str) -> MathTex:
        """A node by name: w_L, a_Lm1, b_L, z_L, a_L, y, C0, w_Lm1, a_Lm2, b_Lm1, z_Lm1."""
        if name not in self.nodes:
            raise ValueError(f"no node {name!r}; nodes are {', '.join(self.nodes)}")
        return self.nodes[name]

    def edge(self, parent: str, child: str) -> Arrow:
        """The arrow from ``parent`` to ``child`` (upper arrows only once extended)."""
        if (parent, child) not in self.edges:
            raise ValueError(f"no edge {parent} → {child} in the tree")
        if not self.is_extended and (parent in UPPER or child in UPPER):
            raise ValueError(f"{parent} → {child} needs the tree extended first")
        return self.edges[(parent, child)]

    def value(self, name: str) -> ValueNumber:
        """The value written beside node ``name`` (only when built with values)."""
        if name not in self.labels:
            raise ValueError(f"node {name!r} shows no value")
        return self.labels[name]

    def row(self, *names: str) -> VGroup:
        """Nodes ``names`` with their values and the arrows into them (for a reveal)."""
        group = VGroup()
        for name in names:
            group.add(
                self.node(name), *([self.labels[name]] if name in self.labels else [])
            )
        group.add(
            *(a for (_, c), a in self.edges.items() if c in names and a in self.lower)
        )
        return group

    # --- motion ----------------------------------------------------------------------

    def extend_up(self) -> Animation:
        """Grow the tree by a^(L-1)'s own weight, bias and input; return the animation.

        The upper part is attached above a^(L-1) wherever the tree has been moved or
        scaled to, and the grown tree stays centred where the small one was: play the
        returned animation to move the lower part down while the upper part fades in.
        (``DependencyTree(..., extended=True)`` builds the grown tree directly.) The
        lower part's move is kept in :attr:`growth`, so companions can move along.
        """
        move = self._attach_upper()
        self.growth = move
        return AnimationGroup(
            self.lower.animate.shift(move),
            FadeIn(self.upper, shift=0.3 * DOWN),
            lag_ratio=0.5,
        )

    def _attach_upper(self) -> np.ndarray:
        """Place and add the upper part; return how far the lower part must move."""
        if self.is_extended:
            raise ValueError("the tree is already extended")
        old_center = self.lower.get_center()
        here = {n: self.nodes[n].get_center() for n in _REFERENCE}
        was = self._layout
        factor = np.linalg.norm(here["C0"] - here["a_Lm1"]) / np.linalg.norm(
            was["C0"] - was["a_Lm1"]
        )
        self.upper.scale(factor, about_point=was["a_Lm1"])
        self.upper.shift(here["a_Lm1"] - was["a_Lm1"])
        move = old_center - VGroup(self.lower.copy(), self.upper.copy()).get_center()
        self.upper.shift(move)
        self.add(self.upper)
        return move

    def highlight_path(
        self,
        names: Sequence[str],
        color: ManimColor | str = HIGHLIGHT,
        lag_ratio: float = 0.6,
    ) -> Animation:
        """Pulse each node of ``names`` in turn, with a flash along the arrow between.

        ``names`` must follow arrows, e.g. ``["w_L", "z_L", "a_L", "C0"]``.
        """
        return LaggedStart(*self.path_steps(names, color), lag_ratio=lag_ratio)

    def path_steps(
        self, names: Sequence[str], color: ManimColor | str = HIGHLIGHT
    ) -> list[Animation]:
        """One animation per node of the path ``names`` (which must follow arrows).

        The first pulses its node; each later one runs a flash down the arrow into its
        node and pulses it. :meth:`highlight_path` plays them overlapping; a scene can
        also play each on the words that name it.
        """
        if len(names) < 2:
            raise ValueError("a path needs at least two nodes")
        steps: list[Animation] = [Indicate(self.node(names[0]), color=color)]
        for parent, child in zip(names, names[1:]):
            arrow = self.edge(parent, child)
            flash = Line(arrow.get_start(), arrow.get_end()).set_stroke(color, width=7)
            steps.append(
                AnimationGroup(
                    ShowPassingFlash(flash, time_width=0.8),
                    Indicate(self.node(child), color=color),
                    lag_ratio=0.5,
                )
            )
        return steps

    def color_path(
        self, names: Sequence[str], color: ManimColor | str = HIGHLIGHT
    ) -> Animation:
        """Recolour the arrows along ``names`` (they stay coloured; see :meth:`uncolor`)."""
        arrows = [self.edge(p, c) for p, c in zip(names, names[1:])]
        return AnimationGroup(*(a.animate.set_color(color) for a in arrows))

    def uncolor(self) -> Animation:
        """Return every arrow to the muted colour."""
        present = [a for a in self.edges.values() if a in self.get_family()]
        return AnimationGroup(*(a.animate.set_color(MUTED) for a in present))
