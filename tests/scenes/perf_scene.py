"""Small lecture scenes for the render-speed tests: updaters, and long still stretches.

Rendered at low quality by ``tests/scenes/test_render_perf.py`` both the fast way and
Manim's own way. :class:`StillsAndUpdaters` has every kind of frame a lecture has: an
animation whose mobjects follow an updater, a ``wait`` with a time-based updater running
(Manim renders each of its frames), and long still beats (one frame held for seconds).
"""

from __future__ import annotations

from manim import DOWN, Circle, Dot, MathTex, UpdateFromAlphaFunc, ValueTracker, Write

from scenes.kit.beats import LectureScene
from tests.scenes.entries import TestSceneEntry


class StillsAndUpdaters(LectureScene):
    """An updater-driven animation, a wait with a running updater, two long stills."""

    example_role = "chain"
    beat_pause = 0.5

    def construct(self) -> None:
        """Draw, move with updaters, spin while waiting, then hold still."""
        tracker = ValueTracker(0.0)
        dot = Dot().add_updater(lambda m: m.set_x(tracker.get_value()))
        with self.beat("A dot follows a tracker, then a circle spins while we wait."):
            self.play(Write(MathTex(r"a^{(L)}").to_edge(DOWN)), run_time=0.5)
            self.add(dot)
            self.play(tracker.animate.set_value(2.0), run_time=0.5)
            circle = Circle(radius=0.5).shift(2 * DOWN)
            circle.add_updater(lambda m, dt: m.rotate(dt))
            self.add(circle)
            self.wait(0.4)  # frozen_frame is False: a time-based updater runs
            circle.clear_updaters()
        with self.beat(
            "Now nothing moves for a while, so the same frame is held for several"
            " seconds: the kind of still stretch that ends every beat of the lecture."
        ):
            self.play(
                UpdateFromAlphaFunc(dot, lambda m, a: m.set_opacity(1 - a / 2)),
                run_time=0.3,
            )


class ShortStill(LectureScene):
    """One formula and a short pause: the cheapest scene for the render-runner tests."""

    example_role = "chain"
    beat_pause = 0.2

    def construct(self) -> None:
        """Write one formula."""
        with self.beat("One formula, briefly."):
            self.play(Write(MathTex(r"C_0")), run_time=0.2)


PerfEntry = TestSceneEntry
"""(The name the render-speed tests import.)"""

STILLS = PerfEntry(0, "perf_scene", "StillsAndUpdaters", "stills and updaters")
SHORT = PerfEntry(0, "perf_scene", "ShortStill", "a short still")
