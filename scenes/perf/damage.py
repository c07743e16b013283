"""Only the rows a frame drew are restored, and only they are compared with the last frame.

Before every moving frame Manim copies the whole static background into the camera's
array (8 MB at 1080p, 1.6 ms), and the encoder then compares the whole new frame with
the last one to find the rows that changed (1.7 ms). Yet only the rows the moving
mobjects cover can differ from the background: in the lecture's moving frames, a band
of about a tenth of the height.

:func:`install` keeps, for each array the camera draws into, the background it was
restored from and the rows drawn on it since (its *damage*), and so:

* restoring an array to the background it already holds copies only its damaged rows;
* :func:`rows_between` tells the encoder which rows two frames on the same background
  can differ in: the union of their damage. The encoder still compares those rows, so
  the band it converts is exactly what a whole comparison finds.

The rows a vectorized mobject can touch come from its points: a cubic Bézier curve lies
within its control points, a fill inside its path, and a stroke at most half its width
times cairo's miter limit beyond it (the tip of the sharpest join it draws); two pixels
more cover antialiasing. Anything else drawn (images, point clouds, background-coloured
mobjects, points that are not finite) damages the whole array, and so does any way of
setting the camera's pixels that this module does not know.

``BACKPROP_DAMAGE_CHECK=1`` checks every restore against the background and every
frame's undamaged rows against the last frame (the tests render with it);
``BACKPROP_DAMAGE_ROWS=0`` restores and compares whole frames, as Manim does.
"""

from __future__ import annotations

import math
import os
import weakref
from typing import Any

import numpy as np
from manim.camera.camera import Camera

from scenes.perf.arrays import ArrayMap

__all__ = ["CHECK_SWITCH", "ENV_SWITCH", "DamageError", "install", "rows_between"]

ENV_SWITCH = "BACKPROP_DAMAGE_ROWS"
"""``0`` restores and compares whole frames, as Manim does."""
CHECK_SWITCH = "BACKPROP_DAMAGE_CHECK"
"""``1`` verifies every restore and every hint against whole-frame comparisons."""
ANTIALIAS_ROWS = 2
"""Rows beyond a shape's geometry that cairo's antialiasing may touch."""


class DamageError(AssertionError):
    """A frame differs from its background outside the rows recorded as drawn."""


class _Record:
    """What an array holds: ``base``'s pixels, except in rows ``[first, end)``."""

    __slots__ = ("base", "first", "end")

    def __init__(self, base: np.ndarray | None, first: int, end: int) -> None:
        self.base = weakref.ref(base) if base is not None else None
        self.first = first
        self.end = end

    def base_is(self, array: np.ndarray) -> bool:
        return self.base is not None and self.base() is array


_records: ArrayMap[_Record] = ArrayMap()
"""Each tracked array's record."""


def _checking() -> bool:
    return os.environ.get(CHECK_SWITCH, "0") == "1"


def rows_between(old: Any, new: Any) -> tuple[int, int] | None:
    """Rows ``[first, end)`` outside which frames ``old`` and ``new`` are equal, or None.

    Known when both were drawn by a tracked camera on the same background, which both
    still hold outside their damaged rows; None means: compare them whole.
    """
    old_record, new_record = _records.get(old), _records.get(new)
    if old_record is None or new_record is None or old_record.base is None:
        return None
    base = old_record.base()
    if base is None or not new_record.base_is(base):
        return None
    spans = [(r.first, r.end) for r in (old_record, new_record) if r.first < r.end]
    if not spans:
        return (0, 0)
    first, end = min(s[0] for s in spans), max(s[1] for s in spans)
    if _checking() and _rows_differing_outside(old, new, first, end) is not None:
        raise DamageError(f"two frames differ outside their drawn rows {first}-{end}")
    return first, end


def _vectorized_rows(camera: Camera, vmobjects: list[Any], ctx: Any) -> tuple[int, int] | None:
    """Rows the vmobjects can touch when drawn by ``camera``; None for "anywhere"."""
    ys, widest = [], 0.0
    for vmobject in vmobjects:
        points = vmobject.points
        if len(points) == 0:
            continue
        if vmobject.get_background_image():
            return None  # drawn through a second, whole-frame array
        ys.append(points[:, 1])
        widest = max(
            widest, vmobject.get_stroke_width(False), vmobject.get_stroke_width(True)
        )
    if not ys:
        return (0, 0)
    y = np.concatenate(ys)
    top, bottom = float(y.max()), float(y.min())
    if not (math.isfinite(top) and math.isfinite(bottom)):
        return None  # Manim draws such points at the origin: not worth following
    scale = camera.pixel_height / camera.frame_height
    centre = camera.pixel_height / 2 + camera.frame_center[1] * scale
    # A stroke reaches half its width beyond its path; a miter join up to the miter
    # limit times that (cairo bevels sharper joins); a square cap less than that.
    half_width = widest * camera.cairo_line_width_multiple * scale / 2
    reach = math.ceil(half_width * _join_factor(ctx)) + ANTIALIAS_ROWS
    first = max(0, math.floor(centre - top * scale) - reach)
    end = min(camera.pixel_height, math.ceil(centre - bottom * scale) + reach + 1)
    return (first, end) if first < end else (0, 0)


def _join_factor(ctx: Any) -> float:
    """How far a stroke's joins and caps reach beyond the path, in half line widths.

    A miter join's tip lies ``1 / sin(angle / 2)`` half widths from its corner, and
    cairo bevels any join whose tip would pass the context's miter limit; a square cap's
    corner lies at most sqrt(2) half widths away; round joins and caps at one.
    """
    return max(ctx.get_miter_limit(), math.sqrt(2))


def _damage(array: np.ndarray, rows: tuple[int, int] | None) -> None:
    """Record that ``rows`` of ``array`` were drawn on (None: anywhere)."""
    record = _records.get(array)
    if record is None:
        return  # unknown contents already: restored whole next time
    if rows is None:
        record.first, record.end = 0, array.shape[0]
    elif rows[0] < rows[1]:
        if record.first < record.end:
            record.first, record.end = min(record.first, rows[0]), max(record.end, rows[1])
        else:
            record.first, record.end = rows


def install(camera: Any) -> bool:
    """Track ``camera``'s damage (a plain cairo :class:`Camera` only); False if not."""
    if os.environ.get(ENV_SWITCH, "1") == "0" or type(camera) is not Camera:
        return False
    set_pixel_array = camera.set_pixel_array
    display_vectorized = camera.display_multiple_vectorized_mobjects
    display_points = camera.display_multiple_point_cloud_mobjects
    display_images = camera.display_multiple_image_mobjects

    def restoring_set_pixel_array(pixel_array: Any, convert_from_floats: bool = False) -> None:
        current = getattr(camera, "pixel_array", None)
        if (
            convert_from_floats
            or not isinstance(pixel_array, np.ndarray)
            or not isinstance(current, np.ndarray)
            or pixel_array.shape != current.shape
            or pixel_array.dtype != current.dtype
            or pixel_array is current
        ):
            set_pixel_array(pixel_array, convert_from_floats)
            _records.pop(camera.pixel_array)  # contents this module did not follow
            return
        record = _records.get(current)
        if record is not None and record.base_is(pixel_array):
            if _checking():
                _check_undamaged(current, pixel_array, record)
            if record.first < record.end:
                current[record.first : record.end] = pixel_array[record.first : record.end]
        else:
            np.copyto(current, pixel_array)
        _records.set(current, _Record(pixel_array, 0, 0))
        if _checking() and not np.array_equal(current, pixel_array):
            raise DamageError("a restored frame differs from its background")

    def tracked(display: Any, vectorized: bool) -> Any:
        def display_and_record(mobjects: list[Any], pixel_array: np.ndarray) -> Any:
            if vectorized and _records.get(pixel_array) is not None:
                rows = _vectorized_rows(camera, mobjects, camera.get_cairo_context(pixel_array))
            else:
                rows = None
            _damage(pixel_array, rows)
            return display(mobjects, pixel_array)

        return display_and_record

    camera.set_pixel_array = restoring_set_pixel_array
    camera.display_multiple_vectorized_mobjects = tracked(display_vectorized, True)
    camera.display_multiple_point_cloud_mobjects = tracked(display_points, False)
    camera.display_multiple_image_mobjects = tracked(display_images, False)
    return True


def _check_undamaged(array: np.ndarray, base: np.ndarray, record: _Record) -> None:
    """Raise if ``array`` differs from ``base`` outside its recorded rows."""
    differing = _rows_differing_outside(array, base, record.first, record.end)
    if differing is not None:
        raise DamageError(
            f"rows {differing[0]}-{differing[1]} were drawn on but recorded"
            f" as untouched (recorded: {record.first}-{record.end})"
        )


def _rows_differing_outside(
    one: np.ndarray, other: np.ndarray, first: int, end: int
) -> tuple[int, int] | None:
    """The first and last row outside ``[first, end)`` where the arrays differ, or None."""
    rows = np.flatnonzero((one != other).reshape(len(one), -1).any(axis=1))
    rows = rows[(rows < first) | (rows >= end)]
    return (int(rows[0]), int(rows[-1])) if rows.size else None
