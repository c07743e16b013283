"""What a scene's render says about its CPU time is read back by the render runner."""

from __future__ import annotations

from scenes.perf.usage import Split, parse_split


def test_the_stills_and_narration_lines_are_read():
    """Both lines, among Manim's own output, give every field of the split."""
    log = "\n".join(
        [
            "INFO     Animation 0 : Partial movie file written in ...",
            "narration: 12 cue(s) synthesized, 30.25 CPU-s",
            "stills: 7 still stretch(es), 1234 frame(s), 0.81 CPU-s; joining 1.50 CPU-s",
        ]
    )
    assert parse_split(log) == Split(
        stills=0.81, still_frames=1234, joining=1.5, narration=30.25
    )


def test_a_render_that_says_nothing_splits_into_zeros():
    """Manim's own writer (fallback) and silent scenes report nothing: all zeros."""
    assert parse_split("notice: fast still frames off (x)") == Split()
    assert parse_split("") == Split(0.0, 0, 0.0, 0.0)
