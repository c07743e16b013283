"""Animations in step with the voice: each one lasts until the words reach the next mark.

A mark starts an animation on its word (:meth:`LectureScene.play_at`); how long it runs
decides whether the picture then keeps pace with the words or freezes under them. A
formula written in half a second and then held for three seconds while the voice reads
it is a still picture under speech. :func:`play_in_step` writes it at the pace of the
words instead: it waits for its mark and runs until just before the beat's next mark
(within bounds), so the next animation still starts on its own word::

    play_in_step(self, "slope", Write(sigma_prime))   # written while "the slope..." is said
    play_in_step(self, "error", Write(error_term))

Mark times come from the speech (they change with the voice and the example's numbers),
so the run time is computed when the mark is reached, never fixed.
"""

from __future__ import annotations

from typing import Any

from scenes.kit.beats import LectureScene

__all__ = ["SPARE", "play_in_step", "time_to_next_mark"]

SPARE = 0.2
"""Seconds of stillness left before the next mark's word, so its animation starts on it."""


def time_to_next_mark(
    scene: LectureScene,
    after: str | None = None,
    at_most: float = 2.0,
    at_least: float = 0.4,
) -> float:
    """A run time for an animation starting now: until just before the beat's next mark.

    The next mark is the first one said after the mark ``after`` (after now, when
    None): waiting stops on a frame, so a mark just reached can still be a fraction of
    a frame ahead. ``at_most`` when no mark of the current beat is still ahead, or when
    the next one is far; never past the next mark's word by more than a frame.
    """
    now = scene.renderer.time
    since = now if after is None else scene.mark_time(after)
    times = [scene.mark_time(m) for m in scene.beats[-1].marks]
    ahead = [t for t in times if t > since + 1e-6]
    if not ahead:
        return at_most
    gap = min(ahead) - now
    least = min(at_least, max(gap, 1 / 15))
    return max(least, min(at_most, gap - SPARE))


def play_in_step(
    scene: LectureScene,
    mark: str | None,
    *animations: Any,
    at_most: float = 2.0,
    **kwargs: Any,
) -> None:
    """Wait for ``mark``, then play ``animations`` until just before the next mark.

    With ``mark=None`` they play at once (the beat's first words, before any mark).

    The run time is :func:`time_to_next_mark` (at most ``at_most`` seconds); other
    keyword arguments go to :meth:`Scene.play`.
    """
    if mark is not None:
        scene.wait_until_mark(mark)
    run_time = time_to_next_mark(scene, mark, at_most)
    scene.play(*animations, run_time=run_time, **kwargs)
