"""The README's scene-kit example runs as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from manim import tempconfig

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.render
def test_readme_kit_example_builds_a_scene(tmp_path):
    """The code block that imports scenes.kit builds its scene without errors."""
    text = README.read_text()
    match = re.search(r"```python\n(import bpmath\nfrom manim import .*?)```", text, re.S)
    assert match, "the README lost its scene-kit example"
    namespace: dict = {}
    exec(compile(match.group(1), "README.md", "exec"), namespace)
    with tempconfig({"dry_run": True, "tex_dir": str(tmp_path), "verbosity": "ERROR"}):
        scene = namespace["MyScene"]()
        scene.render()
    assert len(scene.mobjects) == 2, "the example should put two kit pieces on screen"
