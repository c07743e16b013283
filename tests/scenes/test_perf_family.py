"""One-pass mobject families list exactly what Manim's ``get_family`` lists.

Random trees with shared members (one child under two parents), repeated children and
members without points are listed by Manim's methods and by
:mod:`scenes.perf.family`'s; the lists must be equal element for element. The cached
display types must be Manim's for every mobject class the lecture draws.
"""

from __future__ import annotations

import random

import pytest
from manim import (
    Circle,
    Dot,
    Group,
    ImageMobject,
    MathTex,
    Mobject,
    PMobject,
    Square,
    VGroup,
    VMobject,
)
from manim.camera.camera import Camera

from scenes.perf import family


def _random_tree(rng: random.Random) -> Mobject:
    """A tree of groups and shapes, with members shared and repeated on purpose."""
    leaves = [Square(), Circle(), Dot(), VMobject(), Mobject()]
    nodes: list[Mobject] = list(leaves)
    for _ in range(rng.randint(3, 12)):
        children = rng.sample(nodes, rng.randint(0, min(4, len(nodes))))
        if children and rng.random() < 0.3:
            children.append(children[0])  # the same child twice
        if all(isinstance(c, VMobject) for c in children):
            group: Mobject = VGroup()
        else:
            group = Group()
        group.submobjects = children  # as Manim's add() would, repeats allowed
        nodes.append(group)
    return nodes[-1]


@pytest.fixture
def manims_methods():
    family.uninstall()
    yield
    family.uninstall()


def test_one_pass_family_equals_manims_on_random_trees(manims_methods):
    rng = random.Random(11)
    for _ in range(300):
        root = _random_tree(rng)
        expected = family.MANIM_GET_FAMILY(root)
        expected_points = family.MANIM_WITH_POINTS(root)
        assert family.fast_get_family(root) == expected
        assert family.fast_family_members_with_points(root) == expected_points


def test_shared_member_keeps_its_last_place(manims_methods):
    shared = Square()
    first, second = VGroup(shared, Circle()), VGroup(Dot(), shared)
    root = VGroup(first, second)
    listed = family.fast_get_family(root)
    assert listed == family.MANIM_GET_FAMILY(root)
    assert listed.index(shared) > listed.index(second)  # after the Dot's parent
    assert len(listed) == len(set(map(id, listed)))


def test_install_replaces_and_switch_keeps_manims(manims_methods, monkeypatch):
    monkeypatch.setenv(family.ENV_SWITCH, "0")
    assert not family.install()
    assert Mobject.get_family is family.MANIM_GET_FAMILY
    monkeypatch.delenv(family.ENV_SWITCH)
    assert family.install()
    assert Mobject.get_family is family.fast_get_family
    tex = MathTex(r"\frac{\partial C_0}{\partial w^{(L)}}")
    assert tex.get_family() == family.MANIM_GET_FAMILY(tex)


def test_cached_display_types_are_manims():
    camera, plain = Camera(), Camera()
    family._cache_display_types(camera)
    mobjects = [Square(), MathTex("x"), VGroup(Dot()), PMobject(), Mobject(), Group()]
    mobjects.append(ImageMobject([[0, 255]]))
    for mobject in mobjects * 2:
        assert camera.type_or_raise(mobject) is plain.type_or_raise(mobject)
    with pytest.raises(TypeError):
        camera.type_or_raise(object())
