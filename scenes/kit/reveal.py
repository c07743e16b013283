"""Kit formulas cut into the pieces the voice reads one after another.

A formula written whole, then held while the voice reads it term by term, is a still
picture under speech. These functions return a kit formula's parts in reading order, so
a scene can write each one on its own word (with
:meth:`~scenes.kit.beats.LectureScene.play_at` and ``until="next"``)::

    steps = value_steps(product)        # value 1, × value 2, × value 3, = product
    on("first", Write(steps[0]))

The pieces are the formula's own submobjects (nothing is copied or re-typeset), so what
is written is exactly what the kit laid out and bpmath computed.
"""

from __future__ import annotations

from collections.abc import Sequence

from manim import AnimationGroup, MathTex, Mobject, TransformFromCopy, VGroup, Write

from scenes.kit.chain_product import ChainRuleProduct

__all__ = ["average_steps", "gather_terms", "value_steps"]


def value_steps(product: ChainRuleProduct) -> list[VGroup]:
    """The values row of a chain-rule product, left to right as it is read.

    One piece per factor (its value, after its × sign from the second on), then the
    ``=`` with the product. The product sits left of the ``=`` on screen, but is read
    last: "multiplied, they make ...".
    """
    times = [None, *product.times]
    return [
        VGroup(f) if t is None else VGroup(t, f)
        for t, f in zip(times, product.factor_values)
    ] + [VGroup(product.equals, product.product)]


def average_steps(tex: MathTex) -> tuple[VGroup, VGroup, list[VGroup], VGroup]:
    """An :func:`~scenes.kit.averages.average_formula` cut as it is read.

    Returns ``(name, rule, terms, result)``: the averaged quantity with its ``=``; the
    mean's definition ``(1/n) Σ_k term``; one piece per example's number, the first
    with the ``= (1/n)(`` before it, the others with their ``+`` (and the brackets
    around a negative number); and ``) = mean``.
    """
    parts = list(tex.submobjects)
    numbers = [parts.index(t) for t in tex.terms]
    mean = parts.index(tex.mean)
    name_end = 1 + [p.tex_string for p in parts].index("=")
    starts = [numbers[0] - 2] + [
        max(i for i in range(n) if parts[i].tex_string == "+") for n in numbers[1:]
    ]
    ends = starts[1:] + [mean - 2]  # the closing bracket and "=" come before it
    return (
        VGroup(*parts[:name_end]),
        VGroup(*parts[name_end : starts[0]]),
        [VGroup(*parts[a:b]) for a, b in zip(starts, ends)],
        VGroup(*parts[mean - 2 :]),
    )


def gather_terms(sources: Sequence[Mobject], terms: Sequence[VGroup]) -> AnimationGroup:
    """Each number of an average copied from where it is shown into its place.

    ``sources`` are the numbers on screen (a table's column, say), ``terms`` the pieces
    of :func:`average_steps`: each number moves from its source, and the signs around
    it are written.
    """
    return AnimationGroup(
        *(
            AnimationGroup(Write(VGroup(*term[:-1])), TransformFromCopy(src, term[-1]))
            for src, term in zip(sources, terms)
        )
    )
