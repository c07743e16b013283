"""Storyboard step 3: the dependency tree of the cost, one layer and then two."""

from __future__ import annotations

from manim import DOWN, UP, FadeIn, LaggedStart, Write

from scenes.kit.beats import LectureScene
from scenes.kit.dependency_tree import DependencyTree
from scenes.kit.style import TITLE_SIZE
from scenes.kit.values import formula

__all__ = ["DependencyTreeScene"]


class DependencyTreeScene(LectureScene):
    """w, a^(L-1), b feed z, z feeds a, a and y feed C0; a^(L-1) has its own parents."""

    example_role = "chain"

    def construct(self) -> None:
        """Build the tree, trace a path, grow it upward, trace the long path."""
        v = self.values
        title = formula(r"\text{What depends on what}", font_size=TITLE_SIZE).to_edge(
            UP
        )
        tree = DependencyTree(v, row_spacing=0.95).move_to(0.2 * DOWN)

        with self.beat(
            """Here is the chain of dependencies as a tree. The weight, the previous
            activation and the bias combine into z. z gives the activation a. Together with
            the target y, a decides the cost. Each symbol carries its current value."""
        ):
            self.play(Write(title))
            rows = [["w_L", "a_Lm1", "b_L"], ["z_L"], ["a_L", "y"], ["C0"]]
            for row in rows:
                parts = [tree.nodes[n] for n in row] + [tree.labels[n] for n in row]
                edges = [
                    e
                    for (p, c), e in tree.edges.items()
                    if c in row and e in tree.lower
                ]
                self.play(
                    LaggedStart(*(FadeIn(m) for m in parts + edges), lag_ratio=0.1),
                    run_time=0.8,
                )
            self.add(tree)

        with self.beat(
            """Follow one thread: a change in the weight moves z, which moves a, which moves
            the cost. That chain of influences is exactly what the chain rule will follow."""
        ):
            self.play(tree.highlight_path(["w_L", "z_L", "a_L", "C0"]))

        with self.beat(
            """The previous activation is not a free number either. It was made the same way,
            from its own weight, bias and the activation before it. The tree keeps growing
            upward, one layer at a time, all the way to the input."""
        ):
            self.play(tree.extend_up())

        with self.beat(
            """So an early weight reaches the cost along a longer thread, through every layer
            after it. Backpropagation walks these threads backwards, from the cost to each
            parameter."""
        ):
            self.play(
                tree.highlight_path(["w_Lm1", "z_Lm1", "a_Lm1", "z_L", "a_L", "C0"]),
                run_time=3,
            )
