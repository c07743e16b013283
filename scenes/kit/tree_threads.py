"""Threads through the dependency tree, drawn one link at a time as the voice follows them.

:meth:`~scenes.kit.dependency_tree.DependencyTree.highlight_path` pulses a whole thread
in one animation. When the narration names the thread's nodes one after another
("change the weight, and z moves, which moves a, which moves the cost"), each link
should light up on its own word. :meth:`DependencyTree.path_steps` gives a thread's
pieces in order, and these functions the rest::

    steps = tree.path_steps(["w_L", "z_L", "a_L", "C0"])
    on("weight", steps[0])       # the weight pulses
    on("z", steps[1])            # the flash runs down the arrow, z pulses
    on("chain", in_turn(*colored_links(tree, thread)))   # kit.pointer.in_turn

and :func:`grow_upper` draws the layer :meth:`DependencyTree.extend_up` adds in the
order a sentence names it (its weight, its bias, the activation before it, then the
weighted sum they make), instead of all at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from manim import (
    Animation,
    AnimationGroup,
    Create,
    Line,
    ManimColor,
    Mobject,
    ShowPassingFlash,
    Write,
)

from scenes.kit.dependency_tree import DependencyTree
from scenes.kit.style import HIGHLIGHT

__all__ = ["UpperGrowth", "colored_links", "grow_upper"]


def colored_links(
    tree: DependencyTree,
    names: Sequence[str],
    color: ManimColor | str = HIGHLIGHT,
    backwards: bool = False,
) -> list[Animation]:
    """One animation per arrow of the thread (from the cost up if ``backwards``).

    A flash runs along the arrow, in the direction it is walked, and leaves it in
    ``color`` (:meth:`DependencyTree.uncolor` takes the colour off again).
    """
    arrows = [tree.edge(p, c) for p, c in zip(names, names[1:])]
    if backwards:
        arrows.reverse()
    steps = []
    for arrow in arrows:
        ends = (
            (arrow.get_end(), arrow.get_start())
            if backwards
            else arrow.get_start_and_end()
        )
        flash = Line(*ends).set_stroke(color, width=7)
        steps.append(
            AnimationGroup(
                ShowPassingFlash(flash, time_width=0.8), arrow.animate.set_color(color)
            )
        )
    return steps


class UpperGrowth:
    """The layer above a^(L-1), added to ``tree`` and drawn in parts (see :func:`grow_upper`).

    Attributes
    ----------
    make_room : Animation
        Moves the last layer's tree (and ``companions``) down to where the grown tree
        puts it.
    weight, bias, previous : Animation
        Draws w^(L-1), b^(L-1) and a^(L-2), each with its value.
    weighted_sum : Animation
        Draws z^(L-1) with its value and the arrows into it and out of it.
    """

    def __init__(self, tree: DependencyTree, companions: Sequence[Mobject]) -> None:
        tree.extend_up()  # places the upper part and keeps the lower part's move
        tree.remove(tree.upper)  # drawn piece by piece, given back by finish()
        self._tree = tree
        self.make_room = AnimationGroup(
            tree.lower.animate.shift(tree.growth),
            *(m.animate.shift(tree.growth) for m in companions),
        )
        self.weight, self.bias, self.previous = (
            self._node(n) for n in ("w_Lm1", "b_Lm1", "a_Lm2")
        )
        arrows = [e for (p, c), e in tree.edges.items() if "z_Lm1" in (p, c)]
        self.weighted_sum = AnimationGroup(
            *(Create(a) for a in arrows), self._node("z_Lm1"), lag_ratio=0.3
        )

    def _node(self, name: str) -> Animation:
        tree = self._tree
        parts = [tree.node(name)] + ([tree.labels[name]] if name in tree.labels else [])
        return AnimationGroup(*(Write(p) for p in parts), lag_ratio=0.5)

    def finish(self) -> None:
        """Give the drawn layer back to the tree (the tree then counts as extended)."""
        self._tree.add(self._tree.upper)


def grow_upper(tree: DependencyTree, *companions: Mobject) -> UpperGrowth:
    """Extend ``tree`` upward, returning the pieces to play (then call ``finish()``).

    ``companions`` (the rules beside the tree, say) move down with the last layer.
    Play ``make_room`` before or with the first piece; until a piece is played, its
    part of the tree is not on screen.
    """
    return UpperGrowth(tree, companions)
