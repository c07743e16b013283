"""A drawn network: neurons lit by their activation, edges coloured and sized by weight.

Layers run left to right (layer 0, the input, on the left). Everything is addressed by
the lecture's math indices: :meth:`NetworkDiagram.neuron` ``(layer, j)``,
:meth:`NetworkDiagram.edge` ``(layer, j, k)`` for w_jk^(layer) (from neuron k of
layer-1 to neuron j of layer) and :meth:`NetworkDiagram.layer`.

Examples
--------
In a :class:`~scenes.kit.beats.LectureScene`::

    diagram = NetworkDiagram(self.values)             # the scene's example
    self.play(FadeIn(diagram))
    self.play(FadeIn(diagram.neuron_label(L, 0)))      # a^{(L)} under the output
    self.play(diagram.highlight_path([(L - 1, 0), (L, 0)]))

Outside the lecture, from bpmath objects directly::

    net = bpmath.Network.random([2, 3, 2], seed=1)
    diagram = NetworkDiagram(net, bpmath.forward(net, [0.2, 0.9]))
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    BLACK,
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Animation,
    AnimationGroup,
    Circle,
    Indicate,
    LaggedStart,
    Line,
    ManimColor,
    MathTex,
    ShowPassingFlash,
    VGroup,
)

import bpmath
from scenes.kit.notation import layer_tex
from scenes.kit.style import HIGHLIGHT, LABEL_SIZE, MUTED, color_of, weight_color
from scenes.kit.values import (
    ExampleValues,
    Quantity,
    Shown,
    ValueNumber,
    delta_decimals,
    formula,
)

__all__ = ["NetworkDiagram"]

MIN_EDGE_WIDTH = 1.0
MAX_EDGE_WIDTH = 8.0
DARK_TEXT_ABOVE = 0.5
"""Neurons lit brighter than this get dark text, the others light text."""


class NetworkDiagram(VGroup):
    """Neurons as circles filled by activation, with each value inside, and weighted edges.

    Parameters
    ----------
    source : ExampleValues or bpmath.Network
        The example to draw (its network and activations come from bpmath), or a bare
        network. With a bare network, pass ``trace`` to show activations.
    trace : bpmath.Trace, optional
        The forward pass of ``source`` when it is a bare network.
    example : int
        Which row of a multi-example :class:`ExampleValues` feeds the activations.
    radius : float
        Neuron radius.
    layer_spacing, neuron_spacing : float
        Distance between layer columns, and between neurons of one layer. Both shrink
        when needed to keep the diagram within ``max_width`` × ``max_height``.
    decimals : int
        Decimals of the activation written inside each neuron.
    show_values : bool
        Whether to write a_j^(l) inside each neuron (needs activations).
    symbolic : bool
        Whether default labels name layers as ``(L)``, ``(L-1)``... or by number.
    first_layer : int
        The leftmost layer drawn (default 0, the input). ``first_layer=L-1`` draws only
        the last two layers, the lecture's close-up of layers L-1 and L; layers are still
        addressed by their math index.

    Attributes
    ----------
    layers : VGroup
        One VGroup of circles per drawn layer, ``layers[l - first_layer][j]``.
    edges : VGroup
        Every edge line.
    values_group : VGroup
        The :class:`ValueNumber` readouts inside the neurons (empty when not shown).
    readouts : dict
        ``(layer, j) -> ValueNumber``.
    """

    def __init__(
        self,
        source: ExampleValues | bpmath.Network,
        trace: bpmath.Trace | None = None,
        *,
        example: int = 0,
        radius: float = 0.45,
        layer_spacing: float = 2.6,
        neuron_spacing: float = 1.25,
        decimals: int = 2,
        show_values: bool = True,
        symbolic: bool = True,
        max_width: float = 12.5,
        max_height: float = 5.5,
        first_layer: int = 0,
    ) -> None:
        super().__init__()
        if isinstance(source, ExampleValues):
            self.net = source.net
            trace = bpmath.forward(self.net, source.example.inputs[example])
        elif isinstance(source, bpmath.Network):
            self.net = source
        else:
            raise TypeError(
                "source must be ExampleValues or a bpmath.Network,"
                f" got {type(source).__name__}"
            )
        self.trace, self.example, self.radius = trace, example, radius
        self.sizes, self.L, self.symbolic = self.net.sizes, self.net.L, symbolic
        if not 0 <= first_layer < self.L:
            raise ValueError(
                f"first_layer must be in 0..{self.L - 1} (L - 1 at most, so two layers"
                f" are drawn), got {first_layer}"
            )
        self.first = first_layer
        drawn = range(first_layer, self.L + 1)
        widest = max(self.sizes[l] for l in drawn)
        layer_spacing = min(
            layer_spacing, (max_width - 2 * radius) / (self.L - first_layer)
        )
        if widest > 1:
            neuron_spacing = min(
                neuron_spacing, (max_height - 2 * radius) / (widest - 1)
            )
        self.layer_spacing, self.neuron_spacing = layer_spacing, neuron_spacing

        self.layers = VGroup(*(self._column(l) for l in drawn))
        self.edges = VGroup()
        self._edges: dict[tuple[int, int, int], Line] = {}
        self._add_edges()
        self.readouts: dict[tuple[int, int], ValueNumber] = {}
        self.values_group = VGroup()
        if show_values and trace is not None:
            for l in drawn:
                for j in range(self.sizes[l]):
                    self.values_group.add(self._readout(l, j, decimals))
        self.add(self.edges, self.layers, self.values_group)
        self.center()

    # --- construction ----------------------------------------------------------------

    @classmethod
    def close_up(
        cls,
        values: ExampleValues,
        at: Sequence[float],
        layer_spacing: float = 2.6,
    ) -> NetworkDiagram:
        """The lecture's close-up of layers L-1 and L at ``at``, with its index marks.

        The neurons of layer L-1 are numbered ``k=0``, ``k=1``... on their left
        (:attr:`indices`) and the two columns are headed a_k^(L-1) and a_j^(L)
        (:attr:`headers`); neither is part of the diagram, so they can be shown apart.
        """
        L = values.net.L  # noqa: N806 - the lecture's L
        diagram = cls(
            values,
            first_layer=L - 1,
            radius=0.42,
            layer_spacing=layer_spacing,
            neuron_spacing=1.15,
            max_height=4.6,
        ).move_to(np.array([*at, 0][:3], dtype=float))
        diagram.indices = diagram.index_labels(L - 1, "k", LEFT)
        diagram.headers = VGroup(
            diagram.column_label(L - 1, "k"), diagram.column_label(L, "j")
        )
        return diagram

    def activation(self, layer: int, j: int = 0) -> float | None:
        """a_j^(layer) from bpmath's forward pass (None for a bare network)."""
        self._check_neuron(layer, j)
        return None if self.trace is None else float(self.trace.a(layer)[j])

    def _column(self, layer: int) -> VGroup:
        n = self.sizes[layer]
        column = VGroup()
        for j in range(n):
            circle = Circle(
                radius=self.radius, stroke_color=color_of("a"), stroke_width=3
            )
            a = None if self.trace is None else float(self.trace.a(layer)[j])
            circle.set_fill(color_of("a"), opacity=0.0 if a is None else _brightness(a))
            y = ((n - 1) / 2 - j) * self.neuron_spacing
            x = (layer - self.first) * self.layer_spacing
            circle.move_to(np.array([x, y, 0.0]))
            column.add(circle)
        return column

    def _add_edges(self) -> None:
        largest = max(float(np.max(np.abs(w))) for w in self.net.weights)
        for l in range(self.first + 1, self.L + 1):
            for (j, k), w in np.ndenumerate(self.net.weight(l)):
                start, end = (
                    self.neuron(l - 1, k).get_center(),
                    self.neuron(l, j).get_center(),
                )
                unit = (end - start) / np.linalg.norm(end - start)
                edge = Line(start + unit * self.radius, end - unit * self.radius)
                share = abs(float(w)) / largest if largest > 0 else 0.0
                edge.set_stroke(
                    weight_color(float(w)),
                    width=MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) * share,
                )
                edge.weight = float(w)
                self._edges[(l, j, k)] = edge
                self.edges.add(edge)

    def _readout(self, layer: int, j: int, decimals: int) -> ValueNumber:
        a = float(self.trace.a(layer)[j])
        shown = Shown(Quantity("a", layer, j=j, example=self.example), a, decimals)
        dark = _brightness(a) > DARK_TEXT_ABOVE
        readout = ValueNumber(
            shown, font_size=26, color=BLACK if dark else color_of("a")
        )
        readout.scale_to_fit_width(min(readout.width, 1.5 * self.radius))
        if readout.height > 0.8 * self.radius:
            readout.scale_to_fit_height(0.8 * self.radius)
        readout.move_to(self.neuron(layer, j))
        self.readouts[(layer, j)] = readout
        return readout

    # --- addressing by math index ------------------------------------------------------

    def _check_neuron(self, layer: int, j: int) -> None:
        if not (0 <= layer <= self.L and 0 <= j < self.sizes[layer]):
            raise ValueError(
                f"no neuron (layer={layer}, j={j}) in a network of sizes {self.sizes}"
            )
        if layer < self.first:
            raise ValueError(
                f"layer {layer} is not drawn: this diagram starts at layer {self.first}"
            )

    def neuron(self, layer: int, j: int = 0) -> Circle:
        """The circle of neuron j of ``layer`` (0 is the input, L the output)."""
        self._check_neuron(layer, j)
        return self.layers[layer - self.first][j]

    def edge(self, layer: int, j: int = 0, k: int = 0) -> Line:
        """The edge of w_jk^(layer): from neuron k of layer-1 to neuron j of ``layer``."""
        try:
            return self._edges[(layer, j, k)]
        except KeyError:
            if 1 <= layer <= self.first:
                raise ValueError(
                    f"w^({layer}) is not drawn: this diagram starts at layer {self.first}"
                ) from None
            raise ValueError(
                f"no weight w_{j}{k}^({layer}) in a network of sizes {self.sizes}"
            ) from None

    def layer(self, layer: int) -> VGroup:
        """All circles of ``layer`` (0..L)."""
        self._check_neuron(layer, 0)
        return self.layers[layer - self.first]

    def readout(self, layer: int, j: int = 0) -> ValueNumber:
        """The value written inside neuron j of ``layer``."""
        self._check_neuron(layer, j)
        if (layer, j) not in self.readouts:
            raise ValueError("this diagram shows no values inside its neurons")
        return self.readouts[(layer, j)]

    def lit(self, layer: int, j: int = 0) -> VGroup:
        """Neuron j of ``layer`` together with its readout, in drawing order.

        Animate this group rather than the bare circle: an animated circle is drawn on
        top of everything else, its readout included.
        """
        group = VGroup(self.neuron(layer, j))
        if (layer, j) in self.readouts:
            group.add(self.readouts[(layer, j)])
        return group

    def left_of(self, layer: int) -> VGroup:
        """What to fade back to focus on ``layer`` onward: what lies left of it.

        That is the neurons and readouts of layers 0..layer-1 and every edge into
        layers 1..``layer``.
        """
        group = VGroup(*(e for (l, _, _), e in self._edges.items() if l <= layer))
        for l in range(self.first, layer):
            group.add(self.layers[l - self.first])
            group.add(*(r for (rl, _), r in self.readouts.items() if rl == l))
        return group

    # --- labels (returned, not added: the scene decides when they appear) -------------

    def _sup(self, layer: int) -> str:
        return layer_tex(layer, self.L, self.symbolic)

    def _sub(self, indices: tuple[int, ...], letters: str | None) -> str:
        """``_{jk}``: the given index letters, else the numbers (none on a chain)."""
        if letters is not None:
            return "_{" + letters + "}"
        return "" if self.net.is_chain else "_{" + "".join(map(str, indices)) + "}"

    def neuron_label(
        self,
        layer: int,
        j: int = 0,
        tex: str | None = None,
        direction: np.ndarray = DOWN,
        font_size: float = LABEL_SIZE,
        index: str | None = None,
    ) -> MathTex:
        """A label such as ``a^{(L-1)}`` beside a neuron (default: below it).

        ``index`` writes a letter instead of the neuron's number, e.g. ``"k"`` gives
        ``a_k^{(L-1)}`` (the lecture's generic neuron of layer L-1).
        """
        tex = tex or f"a{self._sub((j,), index)}^{{{self._sup(layer)}}}"
        label = MathTex(tex, font_size=font_size, color=color_of("a"))
        return label.next_to(self.neuron(layer, j), direction, buff=0.15)

    def edge_label(
        self,
        layer: int,
        j: int = 0,
        k: int = 0,
        tex: str | None = None,
        value: Shown | None = None,
        font_size: float = LABEL_SIZE,
        along: float = 0.5,
        index: str | None = None,
        on_edge: bool = False,
    ) -> MathTex:
        """A label such as ``w^{(L)}`` (and ``= value``) just above an edge.

        ``along`` is where on the edge (0 at the source neuron, 1 at the target) the
        label sits; ``value`` adds the tagged weight, e.g. ``values.shown(Quantity(...))``;
        ``index`` writes letters instead of numbers, e.g. ``"jk"`` gives ``w_{jk}^{(L)}``.
        ``on_edge`` centres the label on the edge instead, the way weighted graphs are
        labelled, for an edge among others where "above" would land on a neighbour
        (give it a :func:`~scenes.kit.layout.backdrop` so the edge does not cut it).
        """
        tex = tex or f"w{self._sub((j, k), index)}^{{{self._sup(layer)}}}"
        label = self._param_label(tex, "w", value, font_size)
        edge = self.edge(layer, j, k)
        anchor = edge.point_from_proportion(along)
        if on_edge:
            return label.move_to(anchor)
        return label.next_to(anchor, UP, buff=0.12)

    def bias_label(
        self,
        layer: int,
        j: int = 0,
        value: Shown | None = None,
        direction: np.ndarray = DOWN,
        font_size: float = LABEL_SIZE,
        index: str | None = None,
    ) -> MathTex:
        """A label ``b^{(L)}`` (and ``= value``) beside neuron j of ``layer``."""
        tex = f"b{self._sub((j,), index)}^{{{self._sup(layer)}}}"
        label = self._param_label(tex, "b", value, font_size)
        return label.next_to(self.neuron(layer, j), direction, buff=0.15)

    def chain_parameter_labels(
        self, values: ExampleValues, decimals: int = 2, font_size: float = LABEL_SIZE
    ) -> tuple[VGroup, VGroup]:
        """Every weight above its edge and every bias under its neuron, with values.

        For a chain (one neuron a layer): ``(weights, biases)``, layer 1 first.
        """
        layers = range(1, self.L + 1)
        weights = VGroup(
            *(
                self.edge_label(l, value=values.shown(Quantity("w", l), decimals),
                                font_size=font_size)
                for l in layers
            )
        )  # fmt: skip
        biases = VGroup(
            *(
                self.bias_label(l, value=values.shown(Quantity("b", l), decimals),
                                font_size=font_size)
                for l in layers
            )
        )  # fmt: skip
        return weights, biases

    @staticmethod
    def _param_label(
        tex: str, symbol: str, value: Shown | None, size: float
    ) -> MathTex:
        if value is None:
            return MathTex(tex, font_size=size, color=color_of(symbol))
        return formula((tex, symbol), "=", value, font_size=size)

    def index_labels(
        self,
        layer: int,
        letter: str,
        direction: np.ndarray = LEFT,
        font_size: float = LABEL_SIZE - 6,
    ) -> VGroup:
        """``k=0``, ``k=1``... beside each neuron of ``layer`` (muted, small).

        The lecture's index letter of the layer with each neuron's number; ``labels[j]``
        belongs to neuron j.
        """
        self._check_neuron(layer, 0)
        return VGroup(
            *(
                MathTex(f"{letter}={j}", font_size=font_size, color=MUTED).next_to(
                    self.neuron(layer, j), direction, buff=0.12
                )
                for j in range(self.sizes[layer])
            )
        )

    def column_label(
        self,
        layer: int,
        letter: str,
        direction: np.ndarray = DOWN,
        font_size: float = LABEL_SIZE,
    ) -> MathTex:
        """``a_k^{(L-1)}`` (with ``letter``) under (or over) the whole column of ``layer``."""
        tex = f"a_{{{letter}}}^{{{self._sup(layer)}}}"
        label = MathTex(tex, font_size=font_size, color=color_of("a"))
        return label.next_to(self.layer(layer), direction, buff=0.2)

    # --- motion --------------------------------------------------------------------

    def path_highlight(self, layer: int, j: int, k: int) -> VGroup:
        """A lasting mark of the path k → j into ``layer``: the edge and both neurons.

        The edge of w_jk^(layer) is traced over in the highlight colour and rings are
        drawn round neuron k of layer-1 and neuron j of ``layer``. Returned, not added:
        ``Create`` it while the path is discussed, ``FadeOut`` it after.
        """
        edge = self.edge(layer, j, k).copy()
        edge.set_stroke(HIGHLIGHT, width=max(edge.get_stroke_width() + 2, 4))
        rings = VGroup(
            *(
                Circle(radius=self.radius * 1.18)
                .set_stroke(HIGHLIGHT, 4)
                .move_to(self.neuron(l, i))
                for l, i in ((layer - 1, k), (layer, j))
            )
        )
        group = VGroup(edge, rings)
        group.path = (layer, j, k)
        return group

    def delta_labels(
        self,
        values: ExampleValues,
        nudge: tuple[str, float],
        layer: int,
        font_size: float = LABEL_SIZE - 10,
    ) -> VGroup:
        """``Δa_j = value`` right of each neuron of ``layer`` after ``nudge`` (from bpmath).

        Each change is printed with at least two significant digits, so a small but real
        change never reads 0.000.
        """
        labels = VGroup()
        for j in range(self.sizes[layer]):
            q = Quantity("Δa", layer, j=j, example=self.example, nudge=nudge)
            shown = values.shown(q, delta_decimals(values.value(q)))
            label = formula((rf"\Delta a_{j}", "a"), "=", shown, font_size=font_size)
            labels.add(label.next_to(self.neuron(layer, j), RIGHT, buff=0.12))
        return labels

    def follow(
        self, values: ExampleValues, nudge: tuple[str, float] | None
    ) -> list[Animation]:
        """Animations that relight every drawn neuron and rewrite its value.

        With ``nudge=(parameter, delta)`` the neurons show the real network re-run after
        that nudge (from bpmath, through ``values``); with ``None`` they go back to the
        unnudged values. Readouts stay tagged with the quantity they now show.
        """
        animations: list[Animation] = []
        for (layer, j), readout in self.readouts.items():
            q = Quantity("a", layer, j=j, example=self.example, nudge=nudge)
            shown = values.shown(q, readout.num_decimal_places)
            circle = self.neuron(layer, j)
            animations.append(circle.animate.set_fill(opacity=_brightness(shown.value)))
            animations.append(readout.animate.show(shown).move_to(circle))
        return animations

    def highlight_path(
        self,
        neurons: Sequence[tuple[int, int]],
        color: ManimColor | str = HIGHLIGHT,
        lag_ratio: float = 0.6,
    ) -> Animation:
        """Flash along the edges joining consecutive ``(layer, j)`` neurons, pulsing each.

        The path must step one layer forward at a time, e.g. ``[(1, 0), (2, 0), (3, 0)]``.
        """
        if len(neurons) < 2:
            raise ValueError("a path needs at least two neurons")
        steps = [Indicate(self.lit(*neurons[0]), color=color, scale_factor=1.15)]
        for (l0, k), (l1, j) in zip(neurons, neurons[1:]):
            if l1 != l0 + 1:
                raise ValueError(f"a path steps one layer forward, got {l0} → {l1}")
            flash = self.edge(l1, j, k).copy().set_stroke(color, width=MAX_EDGE_WIDTH)
            steps.append(
                AnimationGroup(
                    ShowPassingFlash(flash, time_width=0.6),
                    Indicate(self.lit(l1, j), color=color, scale_factor=1.15),
                    lag_ratio=0.5,
                )
            )
        return LaggedStart(*steps, lag_ratio=lag_ratio)


def _brightness(a: float) -> float:
    """Fill opacity for activation ``a``: a itself, clipped to [0, 1]."""
    return float(np.clip(a, 0.0, 1.0))
