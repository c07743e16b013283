"""The drawn frame goes to the encoder as it is, not as a copy.

Manim's Cairo renderer copies the camera's 8 MB pixel array (at 1080p) for every frame
it queues for the encoder, into a freshly allocated array, so that the next frame can be
drawn into the camera's. A profile of a -qh render puts 17 % of its CPU in such
whole-frame copies and 3 % more in the kernel, zeroing the new arrays' pages.

Here :meth:`get_frame` hands the camera's own array over, and the next
:meth:`update_frame` gives the camera another one from a small pool before drawing.
That is safe because Manim's ``update_frame`` starts by overwriting every pixel (with
the static background or the camera's background), so the new array's old contents
never show. The encoder gives an array back to the pool once it no longer needs it
(:class:`scenes.perf.convert.RowBandConverter` keeps each frame until the next one has
been compared with it). An array handed over twice without a redraw in between is
copied, as Manim does, so no array is ever both queued and reused.

The frames drawn, and so the video, are unchanged: a test renders a scene with and
without the hand-over and compares every decoded frame.
"""

from __future__ import annotations

import os
import threading
from typing import Any

import numpy as np

from scenes.perf.arrays import ArrayMap

__all__ = ["ENV_SWITCH", "FramePool", "install"]

ENV_SWITCH = "BACKPROP_FRAME_HANDOVER"
"""``0`` renders with Manim's copy of every frame (for comparison and as a way out)."""
POOL_SIZE = 8
"""Free arrays kept for reuse; more frames in flight are allocated and freed as Manim's."""


class FramePool:
    """Arrays of one shape for the camera to draw into, reused once the encoder is done."""

    def __init__(self, limit: int = POOL_SIZE) -> None:
        self._free: list[np.ndarray] = []
        self._lock = threading.Lock()
        self._limit = limit
        self.allocated = 0
        self.reused = 0

    def take(self, like: np.ndarray) -> np.ndarray:
        """A free array shaped and typed as ``like`` (its contents are left over)."""
        with self._lock:
            while self._free:
                found = self._free.pop()
                if found.shape == like.shape and found.dtype == like.dtype:
                    self.reused += 1
                    return found
            self.allocated += 1
        return np.empty_like(like)

    def give(self, array: np.ndarray) -> None:
        """Take back ``array``, which nothing else uses any more."""
        with self._lock:
            if len(self._free) < self._limit:
                self._free.append(array)


POOL = FramePool()
"""The process's pool: one process renders one scene at a time."""


def release(array: Any) -> None:
    """Called by the encoder when it no longer needs a frame it was handed."""
    if isinstance(array, np.ndarray) and _handed.pop(array):
        POOL.give(array)


_handed: ArrayMap[bool] = ArrayMap()
"""The arrays handed over by ``get_frame`` and not given back (weakly: an array that
never reaches the encoder, Manim's static image, is freed as usual)."""


def install(renderer: Any) -> bool:
    """Make ``renderer`` (Manim's Cairo renderer) hand its frames over; False if it cannot.

    Only frames that reach the encoder through :func:`release` are reused; any other
    holder (Manim's static image) keeps its array for as long as it likes.
    """
    if os.environ.get(ENV_SWITCH, "1") == "0":
        return False
    camera = getattr(renderer, "camera", None)
    if camera is None or not hasattr(camera, "pixel_array_to_cairo_context"):
        return False
    state = {"given": None}  # the camera array last returned by get_frame, not redrawn since
    update_frame = renderer.update_frame

    def get_frame() -> np.ndarray:
        frame = camera.pixel_array
        if state["given"] is frame:  # asked twice without a redraw: Manim's copy
            return frame.copy()
        state["given"] = frame
        _handed.set(frame, True)
        return frame

    def handing_update_frame(scene: Any, mobjects: Any = None, *args: Any, **kwargs: Any):
        ignore_skipping = args[1] if len(args) > 1 else kwargs.get("ignore_skipping", True)
        skipping = renderer.skip_animations and not ignore_skipping
        if state["given"] is camera.pixel_array and not skipping:
            old = camera.pixel_array
            # Every pixel is overwritten first (static image or background), so a
            # recycled array's old contents never show. The old array's cairo context
            # goes: the array may be freed, and its id reused by another one.
            camera.pixel_array_to_cairo_context.pop(id(old), None)
            camera.pixel_array = POOL.take(old)
            state["given"] = None
        return update_frame(scene, mobjects, *args, **kwargs)

    renderer.get_frame = get_frame
    renderer.update_frame = handing_update_frame
    return True
