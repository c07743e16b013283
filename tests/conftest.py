"""Project-wide test settings.

* Scenes are built as plain ``manim.Scene`` objects in tests (``BACKPROP_PLAIN_SCENES``):
  with manim-slides installed they would be ``Slide`` objects, which force movie writing.
  This must happen before anything imports :mod:`scenes`.
* Scenes are narrated by the stand-in voice (instant and deterministic), with a speech
  cache of the tests' own.
* Manim's golden-frame tests skip themselves on cairo older than 1.18. Our control data is
  made on the cairo this machine image ships (1.16 on Debian bookworm), so the gate is
  lowered to the installed version: the comparison really runs. On a machine with another
  cairo, re-create the control data with ``make golden``.
* Manim tolerates a few mismatched pixel values (a ratio of 1e-5 of the frame) to absorb
  differences between operating systems. Our control data is made on this very image, where
  rendering is deterministic, so the tolerance is zero: a single changed pixel fails.
* A skipped test is reported as a failure: the count pytest prints is what really ran.
* ``--dist loadgroup`` keeps each scene's tests on one worker, so a scene is built once per
  worker. pytest-xdist 3.8 marks the groups by assigning ``item._nodeid``, which pytest 9.2
  no longer reads (structured ``item._id``; pytest-dev/pytest-xdist#1386): the groups were
  silently ignored. :func:`pytest_collection_modifyitems` below re-applies them when xdist's
  own suffix did not take, and does nothing once xdist is fixed.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ["BACKPROP_PLAIN_SCENES"] = "1"
for _role in ("CHAIN", "WIDE", "TRAINING"):  # a user's own example must not leak in
    os.environ.pop(f"BPMATH_{_role}", None)
# Scenes are narrated in tests too, by the instant, deterministic stand-in voice (the
# real one is tested on its own, tests/narration/test_real_voice.py), into a cache of
# the tests' own. A developer's recordings or NARRATION=off must not leak in.
os.environ["BACKPROP_VOICE"] = "stand-in"
os.environ.pop("VOICE_DIR", None)
os.environ.pop("NARRATION", None)
os.environ["BACKPROP_NARRATION_CACHE"] = str(
    Path(__file__).resolve().parents[1] / "media" / "test-cache" / "narration"
)

import cairo  # noqa: E402
import manim.utils.testing._frames_testers as frames_testers  # noqa: E402
import manim.utils.testing.frames_comparison as frames_comparison  # noqa: E402
import pytest  # noqa: E402
from manim import config as manim_config  # noqa: E402

# Each test process (each pytest-xdist worker) compiles LaTeX into its own folder: two
# workers writing and reading the same media/Tex/<hash>.dvi at once would race.
_WORKER_CACHE = Path(__file__).resolve().parents[1] / "media" / "test-cache" / os.environ.get(
    "PYTEST_XDIST_WORKER", "main"
)
manim_config.tex_dir = str(_WORKER_CACHE / "Tex")
manim_config.text_dir = str(_WORKER_CACHE / "texts")

pytest_plugins = ["pytester"]  # tests/scenes/test_harness.py runs this conftest on a skip

INSTALLED_CAIRO = cairo.cairo_version()
# frames_comparison reads this module global when each test runs and skips below it.
# The control data is generated on this same cairo (1.16 on the CI image), so the
# comparison is meaningful here; another cairo draws slightly different pixels and must
# regenerate the control data with `make golden`.
frames_comparison.MIN_CAIRO_VERSION = min(
    frames_comparison.MIN_CAIRO_VERSION, INSTALLED_CAIRO
)
# Read by _FramesTester.check_frame at call time: no mismatched pixel value is tolerated.
frames_testers.FRAME_MISMATCH_RATIO_TOLERANCE = 0.0


def pytest_addoption(parser: pytest.Parser) -> None:
    """The options Manim's ``frames_comparison`` reads."""
    parser.addoption(
        "--set_test",
        action="store_true",
        default=False,
        help="write new golden frames instead of comparing against them",
    )
    parser.addoption(
        "--show_diff",
        action="store_true",
        default=False,
        help="show a picture of the difference when a golden frame mismatches",
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Turn every skip into a failure, so no test can pass as green by skipping."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = (
            report.longrepr[-1]
            if isinstance(report.longrepr, tuple)
            else report.longrepr
        )
        report.outcome = "failed"
        report.longrepr = f"skipped tests are not allowed in this project: {reason}"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On an xdist worker with ``--dist loadgroup``, suffix node ids with ``@group``."""
    if not getattr(config.option, "loadgroup", False):
        return
    try:
        from _pytest.nodeid import NodeId
    except ImportError:  # pytest < 9.2: xdist's own suffix works
        return
    for item in items:
        groups = sorted(
            str(m.args[0] if m.args else m.kwargs.get("name", "default"))
            for m in item.iter_markers("xdist_group")
        )
        if groups and "@" not in item.nodeid.rpartition("]")[2]:
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(groups)}")
