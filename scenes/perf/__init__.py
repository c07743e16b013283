"""Rendering speed-ups that leave every drawn frame as Manim draws it.

* :mod:`scenes.perf.stills`: the lecture's file writer. A still stretch (a ``wait`` with
  nothing moving) is encoded once and repeated by pictures that copy it
  (:mod:`scenes.perf.h264`), not given to x264 once per frame; moving frames go to x264
  as :mod:`scenes.perf.x264` says; frames waiting for the encoder are bounded.
* :mod:`scenes.perf.x264`: the x264 settings of every partial movie (the fastest preset
  at Manim's quality setting, as faithful to the drawn frames) and the frame hand-over.
* :mod:`scenes.perf.convert`: RGBA to ``yuv420p``, redoing only the rows that changed,
  into one frame that x264 copies.
* :mod:`scenes.perf.handover`: the drawn frame goes to the encoder without a copy.
* :mod:`scenes.perf.damage`: only the rows a frame drew are restored from the background
  and compared with the last frame.
* :mod:`scenes.perf.family`: mobject families listed in one pass; display types cached.
* :mod:`scenes.perf.paths`: a vmobject's cairo path built again only when it changes.
* :mod:`scenes.perf.copies`: copies of glyphs share the SVG path they were parsed from.
* :mod:`scenes.perf.arrays`: values kept per array by identity (hand-over, damage).
* :mod:`scenes.perf.h264`: H.264 pictures that repeat the one before, for x264's stream.
* :mod:`scenes.perf.glyphs`: a readout's digits without a deep copy per character.
* :mod:`scenes.perf.texlock`: parallel renders share one LaTeX cache without racing.
* :mod:`scenes.perf.fingerprint`: what a scene's video depends on, so an unchanged scene
  is not rendered again.
* :mod:`scenes.perf.placement`: a finished render is moved into place whole.
* :mod:`scenes.perf.usage`: CPU time and peak memory of a finished process, and where
  a scene's render says its CPU time went.
* :mod:`scenes.perf.worker`: the ``manim`` command with the LaTeX lock installed, run once
  per scene by :mod:`scenes.render`.
"""
