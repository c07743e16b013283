"""The activation function's graph with one neuron's z and a on it: σ as a lookup.

:class:`ActivationPlot` draws small axes (no tick numbers) around z^(layer), the curve of
the network's own activation (sigmoid, tanh, ReLU...), a dot at (z, σ(z)), dashed guides
from the z axis up to the curve and across to the a axis, and the values of z and a at
the ends of the guides, every number tagged.
"""

from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Axes, DashedLine, Dot, VGroup

from scenes.kit.style import color_of
from scenes.kit.values import ExampleValues, Quantity, ValueNumber, formula

__all__ = ["ActivationPlot"]


class ActivationPlot(VGroup):
    """σ's graph around z_j^(layer), with the point (z, a) and its guides.

    Parameters
    ----------
    values : ExampleValues
        bpmath's numbers for the example.
    layer, j : int
        The neuron whose z and a are marked.
    decimals : int
        Decimals of the z and a readouts (those of the formula beside it).
    font_size : float
        Size of the readouts; the axis names are a little larger.

    Attributes
    ----------
    axes, curve, dot : Mobject
        The axes, σ's curve over them and the point (z, σ(z)).
    guides : VGroup
        The dashed line up from z to the dot, then across to the a axis.
    z_tag, a_tag : ValueNumber
        z under the axis, a left of its guide.
    names : VGroup
        The axis names ``z`` and ``σ(z)``.
    """

    def __init__(
        self,
        values: ExampleValues,
        layer: int,
        j: int = 0,
        decimals: int = 3,
        font_size: float = 26,
    ) -> None:
        super().__init__()
        act = values.net.activation
        z = values.value(Quantity("z", layer, j=j))
        reach = max(5.0, abs(z) + 1.0)
        ys = act(np.linspace(-reach, reach, 200))
        low, high = min(0.0, float(ys.min())), max(1.0, float(ys.max()))
        self.axes = Axes(
            x_range=[-reach, reach, reach],
            y_range=[low, high, (high - low) / 2],
            x_length=4.6,
            y_length=2.4,
            tips=False,
            axis_config={"include_ticks": False, "stroke_width": 2},
        )
        sigma = color_of("sigma")
        self.curve = self.axes.plot(lambda x: float(act(np.array([x]))[0]), color=sigma)
        a = float(act(np.array([z]))[0])
        self.dot = Dot(self.axes.c2p(z, a), color=color_of("z"))
        self.guides = VGroup(
            DashedLine(self.axes.c2p(z, 0), self.dot.get_center(), color=color_of("z")),
            DashedLine(
                self.dot.get_center(), self.axes.c2p(-reach, a), color=color_of("a")
            ),
        )
        self.z_tag = ValueNumber(
            values.shown(Quantity("z", layer, j=j), decimals), font_size=font_size
        )
        self.z_tag.next_to(self.axes.c2p(z, 0), DOWN, buff=0.15)
        self.a_tag = ValueNumber(
            values.shown(Quantity("a", layer, j=j), decimals), font_size=font_size
        )
        self.a_tag.next_to(self.guides[1], LEFT, buff=0.1)
        z_name = formula(("z", "z"), font_size=font_size + 4)
        z_name.next_to(self.axes.x_axis, RIGHT, 0.1)
        a_name = formula(
            (act.latex, "sigma"), "(", ("z", "z"), ")", font_size=font_size + 4
        )
        a_name.next_to(self.axes.y_axis, UP, buff=0.1)
        self.names = VGroup(z_name, a_name)
        self.add(
            self.axes,
            self.curve,
            self.dot,
            self.guides,
            self.z_tag,
            self.a_tag,
            self.names,
        )
