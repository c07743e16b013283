"""Manim's mobject families, listed in one pass instead of one pass per level.

Every frame, Manim's camera lists the family of each mobject it draws, and the scene
lists families again to run updaters. ``Mobject.get_family`` removes repeated members
(keeping the last occurrence) at every level of the tree, so a family of depth ``d``
and ``n`` members is walked about ``d`` times: on the lecture's formulas and tables,
the camera's listing took 1.2 ms of a 1080p frame's 24.

Removing repeats only once, from the whole depth-first listing, gives the same list:
keeping the last occurrence of each element of ``A + B`` is the same as keeping it in
``A`` and ``B`` first and again in the joined result. :func:`install` replaces
``Mobject.get_family`` and ``Mobject.family_members_with_points`` by such one-pass
versions (a test compares them with Manim's on random trees with shared and repeated
members), and caches the camera's display type of each mobject class, which Manim
works out, for every mobject drawn, by four ``isinstance`` tests after
rebuilding its table of display functions.

``BACKPROP_FAST_FAMILY=0`` leaves Manim's own methods in place.
"""

from __future__ import annotations

import os
from typing import Any

from manim.mobject.mobject import Mobject
from manim.utils.iterables import remove_list_redundancies

__all__ = ["ENV_SWITCH", "MANIM_GET_FAMILY", "fast_get_family", "install", "uninstall"]

ENV_SWITCH = "BACKPROP_FAST_FAMILY"
MANIM_GET_FAMILY = Mobject.get_family
MANIM_WITH_POINTS = Mobject.family_members_with_points


def _walk(mobject: Mobject, out: list[Mobject]) -> None:
    """Append ``mobject`` and its descendants, depth first, repeats included."""
    out.append(mobject)
    for child in mobject.submobjects:
        if type(child).get_family is fast_get_family:
            _walk(child, out)
        else:  # a class with its own notion of family: ask it
            out.extend(child.get_family())


def fast_get_family(self: Mobject, recurse: bool = True) -> list[Mobject]:
    """``Mobject.get_family``, with repeats removed once (see the module's note)."""
    out: list[Mobject] = []
    _walk(self, out)
    return remove_list_redundancies(out)


def fast_family_members_with_points(self: Mobject) -> list[Mobject]:
    """``Mobject.family_members_with_points`` on the one-pass family."""
    return [m for m in fast_get_family(self) if len(m.points) > 0]


def install(camera: Any = None) -> bool:
    """Use the one-pass family methods, and cache ``camera``'s display types.

    Returns False (and changes nothing) when ``BACKPROP_FAST_FAMILY=0``. Safe to call
    again: the methods are replaced once, each camera's cache is made once.
    """
    if os.environ.get(ENV_SWITCH, "1") == "0":
        return False
    Mobject.get_family = fast_get_family  # type: ignore[method-assign]
    Mobject.family_members_with_points = fast_family_members_with_points  # type: ignore[method-assign]
    if camera is not None and hasattr(camera, "type_or_raise") and "type_or_raise" not in vars(camera):
        _cache_display_types(camera)
    return True


def uninstall() -> None:
    """Put Manim's own family methods back (for tests that compare the two)."""
    Mobject.get_family = MANIM_GET_FAMILY  # type: ignore[method-assign]
    Mobject.family_members_with_points = MANIM_WITH_POINTS  # type: ignore[method-assign]


def _cache_display_types(camera: Any) -> None:
    """Answer ``camera.type_or_raise`` from a per-class cache.

    Manim's method rebuilds ``camera.display_funcs`` from the camera's current display
    methods and returns the first of its four types the mobject is an instance of; the
    answer depends on the class alone. The table is rebuilt once per new class, so
    display methods replaced on the camera before that are the ones used.
    """
    manims = camera.type_or_raise
    known: dict[type, type] = {}

    def type_or_raise(mobject: Mobject) -> type:
        cls = type(mobject)
        found = known.get(cls)
        if found is None:
            found = known[cls] = manims(mobject)
        return found

    camera.type_or_raise = type_or_raise
