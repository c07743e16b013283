"""The lecture as something to take away: ``make lecture`` (``python -m scenes.publish``).

From the rendered scenes it writes, under ``media/lecture/<quality>/``: one video of the
whole lecture with a chapter per scene and the captions as a soft subtitle track, the
captions as ``.srt`` and ``.vtt``, an offline reveal.js slide deck with the notes as
speaker notes, and a PPTX with the notes on each slide's notes page.

Modules, one job each:

========================  ==========================================================
:mod:`.files`             write to a temporary name and move into place; input stamps
:mod:`.needs`             the tools and packages a step needs, with how to install them
:mod:`.subtitles`         per-scene ``.srt`` in, lecture ``.srt`` / ``.vtt`` out
:mod:`.video`             durations (ffprobe) and the joined video (ffmpeg, stream copy)
:mod:`.deck`              the HTML deck and the PPTX, through manim-slides' converters
:mod:`.pacing`            the pacing report: speech over a still picture (``make pacing``)
:mod:`.cli`               the command: render, then each step, progress and an index
========================  ==========================================================
"""
