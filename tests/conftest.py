"""Project-wide test settings.

* Scenes are built as plain ``manim.Scene`` objects in tests (``BACKPROP_PLAIN_SCENES``):
  with manim-slides installed they would be ``Slide`` objects, which force movie writing.
  This must happen before anything imports :mod:`scenes`.
* Manim's golden-frame tests skip themselves on cairo older than 1.18. Our control data is
  made on the cairo this machine image ships (1.16 on Debian bookworm), so the gate is
  lowered to the installed version: the comparison really runs. On a machine with another
  cairo, re-create the control data with ``make golden``.
* A skipped test is reported as a failure: the count pytest prints is what really ran.
"""

from __future__ import annotations

import os

os.environ["BACKPROP_PLAIN_SCENES"] = "1"
for _role in ("CHAIN", "WIDE", "TRAINING"):  # a user's own example must not leak in
    os.environ.pop(f"BPMATH_{_role}", None)

import cairo  # noqa: E402
import manim.utils.testing.frames_comparison as frames_comparison  # noqa: E402
import pytest  # noqa: E402

INSTALLED_CAIRO = cairo.cairo_version()
frames_comparison.MIN_CAIRO_VERSION = min(
    frames_comparison.MIN_CAIRO_VERSION, INSTALLED_CAIRO
)


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
