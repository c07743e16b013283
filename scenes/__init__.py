"""Manim scenes of the backpropagation-calculus lecture, and the kit they are built from.

The scenes need Manim, which is an optional extra: ``pip install .`` installs bpmath with
numpy alone. Without Manim, ``import scenes`` stops here with the command that installs
it, instead of a bare ``ImportError`` from deep inside the kit.
"""

import importlib.util

INSTALL_HINT = 'pip install ".[scenes]"'
"""The command, run in a checkout of this project, that installs what the scenes need."""

if importlib.util.find_spec("manim") is None:
    raise ModuleNotFoundError(
        "the scenes need Manim, which is not installed. Install the 'scenes' extra: "
        f"{INSTALL_HINT} in a checkout of this project (`make setup` installs every "
        "extra). bpmath itself works without it.",
        name="manim",
    )
