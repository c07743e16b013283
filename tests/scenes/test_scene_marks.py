"""Every scene's marks: each one placed is waited for, on time, spoken or silent.

A mark the code never waits for moves nothing (a teacher reading the voice script would
expect the picture to change there); a mark reached after its word means the animations
before it run longer than the words, and the picture lags the voice.
"""

from __future__ import annotations

import pytest

from scenes.lecture import SCENES
from tests.scenes.cases import scene_cases
from tests.scenes.harness import SceneRun, build, build_cached, entries

FRAME = 1 / 15
"""The harness's frame (it builds at 15 fps): a mark may be reached this late."""


def unwaited(run: SceneRun) -> list[str]:
    """Marks placed in a note but never waited for, as ``beat NN: [name]``."""
    waited = {(snap.beat.index, name) for name, snap in run.marks}
    return [
        f"beat {snap.beat.index:02d}: [{name}]"
        for snap in run.snapshots
        for name in snap.beat.marks
        if (snap.beat.index, name) not in waited
    ]


@pytest.mark.parametrize(("module", "example"), scene_cases(hard=True))
def test_every_mark_is_waited_for_on_its_word(module, example):
    """Each placed mark is waited for, and no animation before it runs past its word."""
    run = build_cached(module, example)
    assert not unwaited(run), f"{module}: marks never waited for: {unwaited(run)}"
    late = [
        f"beat {m.beat:02d}: [{m.mark}] {m.late:.2f} s late"
        for m in run.late_marks
        if m.late > FRAME
    ]
    assert not late, f"{module} ({example}): " + "; ".join(late)


@pytest.mark.render
@pytest.mark.parametrize("module", [e.module for e in SCENES])
def test_silent_scenes_wait_for_every_mark(module, monkeypatch):
    """NARRATION=off: every scene builds, its marks timed by their words' share."""
    monkeypatch.setenv("NARRATION", "off")
    run = build(entries()[module])
    assert run.snapshots, f"{module} played no beat"
    assert not unwaited(run), f"{module}: marks never waited for: {unwaited(run)}"
    times = [snap.time for _, snap in run.marks]
    assert times == sorted(times), f"{module}: marks out of order: {times}"
