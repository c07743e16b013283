"""A vmobject's cairo path is built again only when its points have changed.

For every vmobject of every frame it draws, Manim's camera checks the points are finite,
finds where the path's subpaths split, and hands cairo one ``curve_to`` per Bézier
curve: about 40 µs for a glyph of a formula, two thirds of what drawing the glyph costs.
Most mobjects a moving frame draws have not changed since the last frame: Manim redraws
everything above the first moving mobject, and a table of numbers or a formula holds
still while a dot moves under it.

:func:`install` keeps, for each vmobject drawn, a copy of its points and the path cairo
built from them (``copy_path``). When the points are equal to the copy, the path is
given back to cairo (``append_path``) instead of being built again. Cairo keeps paths in
device space at 1/256 pixel; a copied path comes back in user coordinates and goes in
again to exactly the same fixed-point values (a double's rounding is far finer), so the
pixels are the same: a test renders a scene both ways and compares the encoded frames.

``BACKPROP_PATH_CACHE=0`` builds every path, as Manim does.
"""

from __future__ import annotations

import os
import weakref
from typing import Any

import numpy as np
from manim.camera.camera import Camera

__all__ = ["ENV_SWITCH", "install"]

ENV_SWITCH = "BACKPROP_PATH_CACHE"


def install(camera: Any) -> bool:
    """Reuse ``camera``'s cairo paths of unchanged vmobjects; False if not applied.

    Only a plain cairo :class:`Camera`, whose ``transform_points_pre_display`` leaves
    finite points as they are, so a path depends on the points alone.
    """
    if os.environ.get(ENV_SWITCH, "1") == "0" or type(camera) is not Camera:
        return False
    build = camera.set_cairo_context_path
    built: weakref.WeakKeyDictionary[Any, tuple[np.ndarray, Any]] = (
        weakref.WeakKeyDictionary()
    )

    def set_cairo_context_path(ctx: Any, vmobject: Any) -> Camera:
        points = vmobject.points
        known = built.get(vmobject)
        if known is not None:
            old_points, path = known
            if old_points.shape == points.shape and (old_points == points).all():
                ctx.new_path()
                ctx.append_path(path)
                return camera
        build(ctx, vmobject)
        if len(points) and np.isfinite(points).all():
            built[vmobject] = (points.copy(), ctx.copy_path())
        else:
            built.pop(vmobject, None)
        return camera

    camera.set_cairo_context_path = set_cairo_context_path
    return True
