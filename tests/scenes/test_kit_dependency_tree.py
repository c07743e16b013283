"""DependencyTree: the right nodes and arrows before and after extend_up, values, fit."""

from __future__ import annotations

import numpy as np
import pytest
from manim import DOWN, config

import bpmath
from scenes.kit.dependency_tree import EDGES, UPPER, DependencyTree
from scenes.kit.style import HIGHLIGHT, SYMBOL_COLORS, color_of
from scenes.kit.values import ExampleValues, Quantity
from tests.scenes.other_examples import example_for

LOWER_NODES = ["w_L", "a_Lm1", "b_L", "z_L", "a_L", "y", "C0"]
LOWER_EDGES = {
    ("w_L", "z_L"),
    ("a_Lm1", "z_L"),
    ("b_L", "z_L"),
    ("z_L", "a_L"),
    ("a_L", "C0"),
    ("y", "C0"),
}
UPPER_EDGES = {
    ("w_Lm1", "z_Lm1"),
    ("a_Lm2", "z_Lm1"),
    ("b_Lm1", "z_Lm1"),
    ("z_Lm1", "a_Lm1"),
}


def _present(tree: DependencyTree) -> set[int]:
    return {id(m) for m in tree.get_family()}


def _inside_frame(mob, top_margin: float = 0.0) -> bool:
    half_w, half_h = config.frame_width / 2, config.frame_height / 2
    left, bottom = mob.get_corner([-1, -1, 0])[:2]
    right, top = mob.get_corner([1, 1, 0])[:2]
    return (
        left >= -half_w
        and right <= half_w
        and bottom >= -half_h
        and top <= half_h - top_margin
    )


def test_small_tree_has_the_last_layer_only():
    """Before extend_up: w, a^(L-1), b, z, a, y, C0 and their six arrows."""
    tree = DependencyTree()
    present = _present(tree)
    assert tree.names == LOWER_NODES, f"names {tree.names}"
    for name in LOWER_NODES:
        assert id(tree.node(name)) in present, f"{name} missing"
    for name in UPPER:
        assert id(tree.node(name)) not in present, f"{name} shown too early"
    shown = {e for e, arrow in tree.edges.items() if id(arrow) in present}
    assert shown == LOWER_EDGES, f"arrows {shown}"


def test_extend_up_adds_the_layer_above():
    """After extend_up: w^(L-1), a^(L-2), b^(L-1) → z^(L-1) → a^(L-1) join the tree."""
    tree = DependencyTree()
    tree.extend_up()
    present = _present(tree)
    assert tree.is_extended
    assert set(tree.names) == set(LOWER_NODES) | set(UPPER)
    shown = {e for e, arrow in tree.edges.items() if id(arrow) in present}
    assert shown == LOWER_EDGES | UPPER_EDGES == set(EDGES), f"arrows {shown}"
    with pytest.raises(ValueError, match="already extended"):
        tree.extend_up()


def test_arrows_point_from_inputs_down_to_results():
    """Every arrow starts at its parent and ends at its child, below it."""
    tree = DependencyTree(extended=True)
    for (parent, child), arrow in tree.edges.items():
        p, c = tree.node(parent), tree.node(child)
        assert p.get_y() > c.get_y(), f"{parent} is not above {child}"
        assert np.linalg.norm(arrow.get_start() - p.get_bottom()) < 0.2, (
            f"arrow {parent} → {child} does not leave {parent}"
        )
        end = arrow.get_end()
        assert abs(end[1] - c.get_top()[1]) < 0.2, (
            f"arrow {parent} → {child} does not reach {child}'s top"
        )
        assert c.get_left()[0] < end[0] < c.get_right()[0], (
            f"arrow {parent} → {child} lands beside {child}, not on it"
        )
        side = np.sign(round(p.get_x() - c.get_x(), 6))
        assert np.sign(round(end[0] - c.get_x(), 6)) == side, (
            f"arrow {parent} → {child} lands on the wrong side of {child}"
        )


def test_upper_part_attaches_above_a_moved_and_scaled_tree():
    """extend_up places z^(L-1) right above a^(L-1) even after the tree was moved and scaled."""
    reference = DependencyTree(extended=True)
    gap = reference.node("z_Lm1").get_y() - reference.node("a_Lm1").get_y()
    tree = DependencyTree().scale(0.7).shift(2 * DOWN + 1.5 * np.array([1, 0, 0]))
    center = tree.get_center()
    tree.extend_up()
    z, a = tree.node("z_Lm1"), tree.node("a_Lm1")
    tree.lower.shift(tree.growth)  # where the animation leaves the lower part
    assert z.get_x() == pytest.approx(a.get_x()), "z^(L-1) is not above a^(L-1)"
    assert z.get_y() - a.get_y() == pytest.approx(0.7 * gap), (
        "the upper part is misplaced"
    )
    assert np.allclose(tree.get_center(), center, atol=1e-6), (
        "the grown tree is off-centre"
    )


def test_nodes_wear_their_symbol_colours():
    """w, a, b, z, y, C nodes are coloured from the style module."""
    tree = DependencyTree(extended=True)
    for name in tree.nodes:
        symbol = "C" if name == "C0" else name[0]
        assert tree.node(name).get_color().to_hex() == color_of(symbol).to_hex(), name


@pytest.mark.parametrize(
    "example",
    [bpmath.examples.get("chain"), example_for("chain")],
    ids=["chain", "other chain"],
)
def test_values_are_tagged_bpmath_values(example):
    """Each node's value is the tagged quantity it names, equal to bpmath's."""
    values = ExampleValues(example)
    tree = DependencyTree(values, extended=True)
    L = example.network.L
    trace = bpmath.forward(example.network, example.x)
    expected = {
        "w_L": float(example.network.weight(L)[0, 0]),
        "b_Lm1": float(example.network.bias(L - 1)[0]),
        "a_Lm1": float(trace.a(L - 1)[0]),
        "a_Lm2": float(trace.a(L - 2)[0]),
        "z_L": float(trace.z(L)[0]),
        "a_L": float(trace.a(L)[0]),
        "y": float(example.y[0]),
        "C0": bpmath.cost(trace.output, example.y),
    }
    for name, value in expected.items():
        label = tree.value(name)
        assert label.get_value() == pytest.approx(value), (
            f"{name} shows {label.get_value()}, bpmath gives {value}"
        )
        assert values.value(label.quantity) == pytest.approx(value)
    assert tree.value("z_L").quantity == Quantity("z", L)


def test_value_sits_right_of_its_node_without_touching_others():
    """Values sit beside their own node and overlap no other node or value."""
    tree = DependencyTree(ExampleValues(bpmath.examples.get("chain")), extended=True)
    texts = list(tree.nodes.values()) + list(tree.labels.values())
    for name, label in tree.labels.items():
        assert label.get_left()[0] > tree.node(name).get_right()[0] - 1e-6
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            overlap_x = min(a.get_right()[0], b.get_right()[0]) - max(
                a.get_left()[0], b.get_left()[0]
            )
            overlap_y = min(a.get_top()[1], b.get_top()[1]) - max(
                a.get_bottom()[1], b.get_bottom()[1]
            )
            assert overlap_x <= 1e-3 or overlap_y <= 1e-3, (
                f"{a.tex_string if hasattr(a, 'tex_string') else a.get_value()} overlaps another"
            )


def test_extended_tree_fits_under_a_title():
    """Grown, with values, the default tree fits the frame with a 1-unit title band."""
    tree = DependencyTree(ExampleValues(bpmath.examples.get("chain")), extended=True)
    tree.move_to(0.5 * DOWN)
    assert tree.height <= config.frame_height - 1.0, f"tree is {tree.height} high"
    assert _inside_frame(tree, top_margin=1.0), "the grown tree leaves the frame"


def test_paths_must_follow_arrows():
    """highlight_path accepts a thread of arrows and refuses a jump or an upper edge too early."""
    tree = DependencyTree()
    assert tree.highlight_path(["w_L", "z_L", "a_L", "C0"]) is not None
    with pytest.raises(ValueError, match="no edge"):
        tree.highlight_path(["w_L", "a_L"])
    with pytest.raises(ValueError, match="extended"):
        tree.highlight_path(["w_Lm1", "z_Lm1"])
    with pytest.raises(ValueError, match="no node"):
        tree.node("x")


def test_uncolor_leaves_the_hidden_upper_part_alone():
    """Before extend_up, uncolor animates only the arrows that are in the tree."""
    tree = DependencyTree()
    touched = {id(a.mobject) for a in tree.uncolor().animations}
    upper = {id(tree.edges[e]) for e in UPPER_EDGES}
    assert not touched & upper, "uncolor would put the upper arrows on screen"
    assert len(touched) == len(LOWER_EDGES), f"uncolor touches {len(touched)} arrows"


def test_converging_arrows_land_apart():
    """The three arrows into each z (and the two into C0) end at distinct points."""
    tree = DependencyTree(extended=True)
    for child in ("z_L", "z_Lm1", "C0"):
        ends = [a.get_end() for (_, c), a in tree.edges.items() if c == child]
        gaps = [
            np.linalg.norm(p - q) for i, p in enumerate(ends) for q in ends[i + 1 :]
        ]
        assert min(gaps) > 0.15, f"arrows into {child} end {min(gaps):.3f} apart"


def test_highlight_wears_no_symbol_colour():
    """Paths are traced in the style's highlight colour, never a symbol's (e.g. y's)."""
    tree = DependencyTree()
    animation = tree.color_path(["w_L", "z_L", "a_L", "C0"])
    animation.begin()
    animation.finish()
    colour = tree.edge("w_L", "z_L").get_color().to_hex()
    assert colour == HIGHLIGHT.to_hex(), f"traced arrow is {colour}"
    assert colour not in {c.to_hex() for c in SYMBOL_COLORS.values()}
