"""After every beat nothing leaves the frame and no two labels overlap."""

from __future__ import annotations

import pytest

from tests.scenes.cases import scene_cases
from tests.scenes.checks import layout_problems
from tests.scenes.harness import build_cached


@pytest.mark.parametrize(("module", "example"), scene_cases(hard=True))
def test_layout_stays_in_frame_without_overlaps(module, example):
    """Texts and shapes inside the frame; text-like mobjects apart unless declared."""
    problems = layout_problems(build_cached(module, example))
    assert not problems, "\n".join(problems)
