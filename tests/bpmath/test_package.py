"""The package as a whole: numpy only, a complete public API, worked examples that hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import bpmath

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(m.name for m in pkgutil.iter_modules(bpmath.__path__, "bpmath."))


def test_import_bpmath_does_not_import_manim():
    """import bpmath loads numpy only, never manim."""
    code = "import bpmath, sys; assert not any(m.startswith('manim') for m in sys.modules), sorted(m for m in sys.modules if m.startswith('manim'))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0, f"import bpmath pulled in manim: {out.stderr}"


def test_no_bpmath_module_imports_manim():
    """No bpmath source file mentions an import of manim."""
    for path in (ROOT / "bpmath").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+manim", text, re.M), (
            f"{path.name} imports manim"
        )


def test_every_public_name_exists():
    """Every name in bpmath.__all__ is defined, and __all__ has no duplicates."""
    assert len(set(bpmath.__all__)) == len(bpmath.__all__)
    missing = [name for name in bpmath.__all__ if not hasattr(bpmath, name)]
    assert not missing, f"__all__ names missing from the package: {missing}"


def test_spec_api_is_public():
    """The names the specification fixes are all exported."""
    spec = {"Network", "activations", "forward", "cost", "cost_gradient", "backward", "chain_rule",
            "path_terms", "nudge", "average_gradient", "gradient_vector", "gradient_descent", "examples"}  # fmt: skip
    assert spec <= set(bpmath.__all__), f"missing: {spec - set(bpmath.__all__)}"


def test_every_public_name_is_used_by_a_test():
    """Each name in bpmath.__all__ appears in some test file here, so none goes untested."""
    sources = "\n".join(
        p.read_text(encoding="utf-8")
        for p in Path(__file__).parent.glob("test_*.py")
        if p.name != Path(__file__).name
    )
    unused = [
        name
        for name in bpmath.__all__
        if not re.search(
            rf"bpmath\.{name}\b|from bpmath[.\w]* import [^\n]*\b{name}\b", sources
        )
    ]
    assert not unused, f"public names no test uses: {unused}"


def test_version_matches_the_project():
    """bpmath.__version__ is the version in pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"
    ]
    assert bpmath.__version__ == project["version"]


@pytest.mark.parametrize("name", MODULES)
def test_worked_examples_in_docstrings_hold(name):
    """The doctests of every bpmath module pass (they show the arithmetic in full)."""
    module = importlib.import_module(name)
    flags = doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags, verbose=False, report=False)
    assert result.failed == 0, (
        f"{result.failed} of {result.attempted} doctests of {name} failed"
    )
