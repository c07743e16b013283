"""Rendering speed-ups that leave every pixel as Manim draws it.

* :mod:`scenes.perf.stills`: a still stretch (a ``wait`` with nothing moving) is converted
  from RGBA to the encoder's pixel format once, not once per frame; frames waiting for
  the encoder are bounded.
* :mod:`scenes.perf.texlock`: parallel renders share one LaTeX cache without racing.
* :mod:`scenes.perf.fingerprint`: what a scene's video depends on, so an unchanged scene
  is not rendered again.
* :mod:`scenes.perf.placement`: a finished render is moved into place whole.
* :mod:`scenes.perf.usage`: CPU time and peak memory of a finished process.
* :mod:`scenes.perf.worker`: the ``manim`` command with the LaTeX lock installed, run once
  per scene by :mod:`scenes.render`.
"""
