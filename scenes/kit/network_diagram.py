"""A drawn network: neurons lit by their activation, edges coloured and sized by weight.

>>> # in a scene:  diagram = NetworkDiagram(self.values)
>>> # diagram.neuron(L, 0), diagram.edge(L, 0, 0), diagram.highlight_path([(1, 0), (2, 0)])
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    BLACK,
    DOWN,
    RIGHT,
    UP,
    Animation,
    AnimationGroup,
    Circle,
    Indicate,
    LaggedStart,
    Line,
    MathTex,
    ShowPassingFlash,
    VGroup,
    YELLOW,
)

from scenes.kit.style import LABEL_SIZE, color_of, weight_color
from scenes.kit.values import ExampleValues, Quantity, ValueNumber

__all__ = ["NetworkDiagram"]


class NetworkDiagram(VGroup):
    """Neurons as circles filled by activation, with each value inside, and weighted edges.

    Parameters
    ----------
    values : ExampleValues
        The example whose network and activations are drawn (from bpmath).
    example : int
        Which row of the example feeds the activations.
    radius : float
        Neuron radius.
    layer_spacing, neuron_spacing : float
        Distance between layer columns, and between neurons of one layer.
    decimals : int
        Decimals of the activation shown inside each neuron.
    show_values : bool
        Whether to write a_j^(l) inside each neuron.
    """

    def __init__(
        self,
        values: ExampleValues,
        example: int = 0,
        radius: float = 0.42,
        layer_spacing: float = 2.4,
        neuron_spacing: float = 1.2,
        decimals: int = 2,
        show_values: bool = True,
    ) -> None:
        super().__init__()
        self.values, self.example = values, example
        self.radius = radius
        net = values.net
        self.sizes = net.sizes
        self.L = net.L
        self.layers = VGroup()
        self.readouts: dict[tuple[int, int], ValueNumber] = {}
        for l, n in enumerate(self.sizes):
            column = VGroup()
            for j in range(n):
                a = values("a", l, j=j, example=example)
                circle = Circle(
                    radius=radius, stroke_color=color_of("a"), stroke_width=3
                )
                circle.set_fill(color_of("a"), opacity=float(np.clip(a, 0, 1)))
                y = ((n - 1) / 2 - j) * neuron_spacing
                circle.move_to(np.array([l * layer_spacing, y, 0]))
                column.add(circle)
            self.layers.add(column)
        self.edges = VGroup()
        self._edges: dict[tuple[int, int, int], Line] = {}
        largest = max(
            float(np.max(np.abs(net.weight(l)))) for l in range(1, self.L + 1)
        )
        for l in range(1, self.L + 1):
            W = net.weight(l)
            for (j, k), w in np.ndenumerate(W):
                start, end = self.neuron(l - 1, k), self.neuron(l, j)
                direction = end.get_center() - start.get_center()
                unit = direction / np.linalg.norm(direction)
                edge = Line(
                    start.get_center() + unit * radius, end.get_center() - unit * radius
                )
                edge.set_stroke(
                    weight_color(w), width=1 + 6 * abs(w) / max(largest, 1e-9)
                )
                self._edges[(l, j, k)] = edge
                self.edges.add(edge)
        self.add(self.edges, self.layers)
        if show_values:
            self.values_group = VGroup()
            for l, n in enumerate(self.sizes):
                for j in range(n):
                    self.values_group.add(self._readout(l, j, decimals))
            self.add(self.values_group)
        self.center()

    def _readout(self, l: int, j: int, decimals: int) -> ValueNumber:
        a = self.values("a", l, j=j, example=self.example)
        shown = self.values.shown(Quantity("a", l, j=j, example=self.example), decimals)
        readout = ValueNumber(
            shown, font_size=24, color=BLACK if a > 0.55 else color_of("a")
        )
        readout.scale_to_fit_width(min(readout.width, 1.5 * self.radius))
        readout.move_to(self.neuron(l, j))
        self.readouts[(l, j)] = readout
        return readout

    # --- addressing by math index ------------------------------------------------

    def neuron(self, layer: int, j: int = 0) -> Circle:
        """The circle of neuron j in ``layer`` (0 is the input)."""
        if not 0 <= layer <= self.L or not 0 <= j < self.sizes[layer]:
            raise ValueError(
                f"no neuron ({layer}, {j}) in a network of sizes {self.sizes}"
            )
        return self.layers[layer][j]

    def edge(self, layer: int, j: int = 0, k: int = 0) -> Line:
        """The edge of w_jk^(layer): from neuron k of layer-1 to neuron j of layer."""
        try:
            return self._edges[(layer, j, k)]
        except KeyError:
            raise ValueError(
                f"no weight w_{j}{k}^({layer}) in sizes {self.sizes}"
            ) from None

    def layer(self, layer: int) -> VGroup:
        """All neurons of ``layer``."""
        return self.layers[layer]

    # --- labels and highlights -----------------------------------------------------

    def neuron_label(
        self, layer: int, j: int, tex: str, direction=DOWN, size=LABEL_SIZE
    ) -> MathTex:
        """A coloured label such as ``a^{(L)}`` next to a neuron (not added to the diagram)."""
        label = MathTex(tex, font_size=size, color=color_of(tex[0]))
        return label.next_to(self.neuron(layer, j), direction, buff=0.18)

    def edge_label(
        self, layer: int, j: int, k: int, tex: str, size=LABEL_SIZE
    ) -> MathTex:
        """A label such as ``w^{(L)}`` above the middle of an edge."""
        label = MathTex(tex, font_size=size, color=color_of("w"))
        return label.next_to(self.edge(layer, j, k).get_center(), UP, buff=0.12)

    def highlight_path(
        self, neurons: Sequence[tuple[int, int]], color=YELLOW
    ) -> Animation:
        """Flash along the edges joining consecutive (layer, j) neurons, then pulse them."""
        flashes = []
        for (l0, k), (l1, j) in zip(neurons, neurons[1:]):
            if l1 != l0 + 1:
                raise ValueError(
                    f"path steps must go one layer forward, got {l0} → {l1}"
                )
            flashes.append(
                ShowPassingFlash(
                    self.edge(l1, j, k).copy().set_stroke(color, width=8),
                    time_width=0.6,
                )
            )
        pulses = [
            Indicate(self.neuron(l, j), color=color, scale_factor=1.15)
            for l, j in neurons
        ]
        return AnimationGroup(
            LaggedStart(*flashes, lag_ratio=0.7), LaggedStart(*pulses, lag_ratio=0.2)
        )

    def dim_layers_before(self, layer: int, opacity: float = 0.25) -> VGroup:
        """The neurons, values and edges left of ``layer``, for fading back (returned)."""
        group = VGroup()
        for l in range(layer):
            group.add(
                self.layers[l],
                *(
                    self.readouts[(l, j)]
                    for j in range(self.sizes[l])
                    if (l, j) in self.readouts
                ),
            )
        for (l, _, _), edge in self._edges.items():
            if l <= layer:
                group.add(edge)
        return group
