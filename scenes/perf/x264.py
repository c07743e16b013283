"""How the lecture's frames are given to x264: its settings and the frame hand-over.

Manim encodes every partial movie with x264's default ``medium`` preset at CRF 23 and
hands each drawn RGBA frame over as a copy. Both were measured on the lecture's own
moving frames at 1080p60 (1785 frames of step 4 and 1200 of step 10, drawn by the
scenes, encoded with PyAV as Manim does, every decoded frame compared with the frame
that was drawn):

================================  ============  ===============================
x264 at CRF 23                    CPU a frame   PSNR against the drawn frame
================================  ============  ===============================
``medium`` (Manim's)              27-31 ms      the reference
``superfast``                     17-18 ms      up to 0.40 dB worse on a frame
``ultrafast`` (:data:`OPTIONS`)   13-15 ms      never worse; 0.5-0.7 dB better
                                                on average
================================  ============  ===============================

At the same CRF, ``ultrafast`` spends more bits (about 3.4 times ``medium``'s: 0.85
Mbit/s for step 10's busiest stretch, still small for 1080p) and skips the analysis
that ``medium`` uses to save them, so every frame decodes at least as close to what was
drawn. Its stream has no B-frames and uses CAVLC (Constrained Baseline), which every
player decodes and :mod:`scenes.perf.h264` repeats for still stretches.

About 6 of those milliseconds are the ``rgba`` to ``yuv420p`` conversion, and 4 more
were a copy of the frame into PyAV's own buffer: :func:`rgba_frame` lends PyAV the
drawn array instead (the conversion reads it straight away, into a new frame), which
gives byte-identical input to x264.
"""

from __future__ import annotations

from typing import Any

import av
import numpy as np

__all__ = ["OPTIONS", "rgba_frame"]

OPTIONS: dict[str, str] = {"an": "1", "crf": "23", "preset": "ultrafast"}
"""The libx264 options of every partial movie: Manim's (no audio, CRF 23) and the
fastest preset, see the module's table. Every partial movie of a scene, and every scene
of the lecture, uses these, so their parameter sets match and they join by stream
copy."""


def rgba_frame(frame: Any) -> av.VideoFrame:
    """A PyAV frame over the drawn RGBA array ``frame``, without copying it if it can.

    PyAV's ``from_numpy_buffer`` shares the array's memory; it needs a C-contiguous
    ``uint8`` array of shape (height, width, 4). Anything else is copied, as Manim does.
    The array must not change until the frame has been converted (the encode job owns
    its frames: Manim queues a fresh copy of the camera's pixels for each).
    """
    array = np.asarray(frame)
    if (
        array.dtype == np.uint8
        and array.ndim == 3
        and array.shape[2] == 4
        and array.flags.c_contiguous
    ):
        return av.VideoFrame.from_numpy_buffer(array, format="rgba")
    return av.VideoFrame.from_ndarray(array, format="rgba")
