"""kit/tree_threads: a thread lit link by link, and the upper layer drawn in parts."""

from __future__ import annotations

import numpy as np
import pytest
from manim import Scene, tempconfig

import bpmath
from scenes.kit.dependency_tree import UPPER, DependencyTree
from scenes.kit.style import HIGHLIGHT, MUTED
from scenes.kit.tree_threads import colored_links, grow_upper
from scenes.kit.values import ExampleValues

THREAD = ["w_L", "z_L", "a_L", "C0"]


def _play(*animations) -> Scene:
    """Play ``animations`` one after another in a scene that writes nothing."""
    with tempconfig({"dry_run": True, "verbosity": "ERROR"}):
        scene = Scene()
        for animation in animations:
            scene.play(animation, run_time=0.2)
    return scene


def test_a_thread_has_one_step_per_node():
    """The first node pulses alone; every later node comes with its incoming arrow."""
    tree = DependencyTree()
    assert len(tree.path_steps(THREAD)) == len(THREAD)
    with pytest.raises(ValueError, match="at least two"):
        tree.path_steps(["w_L"])


def test_colored_links_leave_each_arrow_in_the_colour_in_walking_order():
    """One animation per arrow; backwards walks from the cost up; each ends coloured."""
    tree = DependencyTree()
    _play(*colored_links(tree, THREAD, backwards=True))
    for parent, child in zip(THREAD, THREAD[1:]):
        assert tree.edge(parent, child).get_color() == HIGHLIGHT
    assert tree.edge("y", "C0").get_color() == MUTED  # off the thread: untouched


def test_grow_upper_draws_the_layer_in_parts_and_gives_it_back():
    """Nothing of the upper layer shows before its piece; finish() extends the tree."""
    values = ExampleValues(bpmath.examples.get("chain"))
    tree = DependencyTree(values)
    before = tree.node("a_Lm1").get_center().copy()
    upper = grow_upper(tree)
    assert not tree.is_extended  # drawn piece by piece, not shown all at once
    family = {id(m) for m in tree.get_family()}
    assert all(id(tree.node(n)) not in family for n in UPPER)
    _play(upper.make_room, upper.weight, upper.bias, upper.previous, upper.weighted_sum)
    upper.finish()
    assert tree.is_extended
    moved = tree.node("a_Lm1").get_center() - before
    assert np.allclose(moved, tree.growth), "the last layer moved by the growth"
    arrow = tree.edge("z_Lm1", "a_Lm1")
    assert np.linalg.norm(arrow.get_end() - tree.node("a_Lm1").get_top()) < 0.3
