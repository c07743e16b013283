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
were a copy of the frame into PyAV's own buffer. :mod:`scenes.perf.convert` converts
only the rows that changed, from the drawn array itself, and gives x264 byte-identical
input.
"""

from __future__ import annotations

__all__ = ["OPTIONS"]

OPTIONS: dict[str, str] = {"an": "1", "crf": "23", "preset": "ultrafast"}
"""The libx264 options of every partial movie: Manim's (no audio, CRF 23) and the
fastest preset, see the module's table. Every partial movie of a scene, and every scene
of the lecture, uses these, so their parameter sets match and they join by stream
copy."""
