r"""A weighted sum worked in numbers, cut into the pieces the voice reads in turn.

``= w · a + b = z`` (one line of :func:`~scenes.kit.worked.worked_sum` for one
neuron's single product and bias) is read "the weight, times, the previous activation,
plus the bias, gives z". :func:`sum_steps` returns those five pieces, so a scene writes
each on its word::

    for mark, piece in zip(("weight", "times", "prev", "plus", "gives"), sum_steps(line)):
        self.play_at(mark, Write(piece), until="next")

The pieces are the line's own submobjects (nothing is re-typeset), found by its signs:
the first ``\cdot``, the first ``+`` after it and the last ``=``.
"""

from __future__ import annotations

from manim import MathTex, VGroup

__all__ = ["sum_steps"]


def sum_steps(line: MathTex) -> list[VGroup]:
    """``= w``, ``·``, ``a``, ``+ b``, ``= z`` of a worked product-plus-bias line."""
    signs = [part.tex_string for part in line.submobjects]
    times = signs.index(r"\cdot")
    plus = signs.index("+", times)
    equals = len(signs) - 1 - signs[::-1].index("=")
    cuts = [0, times, times + 1, plus, equals, len(signs)]
    return [VGroup(*line[a:b]) for a, b in zip(cuts, cuts[1:])]
