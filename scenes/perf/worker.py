"""The ``manim`` command for one scene of a parallel render.

``python -m scenes.perf.worker <manim arguments>`` is ``manim <manim arguments>`` with
the LaTeX and Pango caches locked against the other processes rendering at the same
time (:mod:`scenes.perf.texlock`). :mod:`scenes.render` starts one per scene.
"""

from __future__ import annotations

import sys

from scenes.perf import texlock


def main(argv: list[str] | None = None) -> None:
    """Run Manim's command line on ``argv`` (default: this process's arguments)."""
    from manim.__main__ import main as manim_main

    texlock.install()
    args = sys.argv[1:] if argv is None else argv
    manim_main.main(args=args, prog_name="manim")


if __name__ == "__main__":
    main()
