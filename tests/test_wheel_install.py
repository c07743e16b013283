"""The student's install: a wheel of the checkout in an empty virtual environment.

The wheel is built from a copy of the checkout with the backend already installed
(``python -m build --no-isolation``), and installed with ``--no-index`` into a new
virtual environment that holds numpy and nothing else (numpy's installed files are
copied over from this environment): no network, and no Manim to fall back on. Then
the README's bpmath tour and the notebook's bpmath sections run there.
"""

from __future__ import annotations

import doctest
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "bpmath", "scenes")
NOTEBOOK = ROOT / "notebooks" / "backprop_by_hand.ipynb"

# Built once and shared by the tests of this file, on one worker.
pytestmark = [pytest.mark.install, pytest.mark.xdist_group("install")]


def run(cmd: list, **kwargs) -> subprocess.CompletedProcess:
    """Run ``cmd``; on failure stop the test with its output."""
    out = subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, check=False, **kwargs
    )
    if out.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, cmd))} exited with {out.returncode}:\n"
            f"{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
        )
    return out


def offline_pip_env() -> dict[str, str]:
    """This environment without pip settings: no index, no extra links, no constraints."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull  # pip then reads no configuration file at all
    return env


def copy_installed(distribution: str, site_packages: Path) -> None:
    """Copy an installed distribution's files (package and dist-info) into a site dir."""
    dist = importlib.metadata.distribution(distribution)
    tops = {Path(f).parts[0] for f in dist.files or [] if Path(f).parts[0] != ".."}
    assert tops, f"{distribution} lists no installed files"
    for top in sorted(tops):
        source = Path(dist.locate_file(top))
        if source.is_dir():
            shutil.copytree(
                source,
                site_packages / top,
                ignore=shutil.ignore_patterns("__pycache__"),
            )
        elif source.exists():
            shutil.copy2(source, site_packages / top)


def readme_tour() -> str:
    """The README's section "A tour of bpmath", the doctested worked examples."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## A tour of bpmath\n(.*?)(?=^## )", text, re.M | re.S)
    assert match, "README.md has no '## A tour of bpmath' section"
    return match.group(1)


def notebook_bpmath_script() -> str:
    """The notebook's code cells, less the drawing section, as one plain script."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cells = [
        c.source
        for c in nb.cells
        if c.cell_type == "code" and "scenes" not in c.metadata.get("tags", [])
    ]
    magics = [s for s in cells if re.search(r"^\s*[%!]", s, re.M)]
    assert not magics, f"the bpmath sections use IPython-only syntax: {magics}"
    return "\n\n".join(cells) + "\n"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the checkout, without network."""
    source = tmp_path_factory.mktemp("checkout")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(
                path, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(path, source / name)
    dist = tmp_path_factory.mktemp("dist")
    run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation"]
        + ["--outdir", dist, source]
    )
    (built,) = dist.glob("backprop_calculus-*.whl")
    return built


@pytest.fixture(scope="module")
def student_python(tmp_path_factory, wheel) -> Path:
    """The python of a new virtual environment with numpy and the wheel installed."""
    venv = tmp_path_factory.mktemp("student") / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    run([base, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    site = Path(
        run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]
        ).stdout.strip()
    )
    copy_installed("numpy", site)
    run(
        [sys.executable, "-m", "pip", "--isolated", "--python", python, "install"]
        + ["--no-index", "--no-cache-dir", "--disable-pip-version-check", wheel],
        env=offline_pip_env(),
    )
    return python


def test_the_wheel_requires_numpy_alone(wheel):
    """The wheel's metadata: numpy is the only requirement outside the extras."""
    with zipfile.ZipFile(wheel) as zf:
        (meta,) = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        text = zf.read(meta).decode("utf-8")
        names = zf.namelist()
    requires = re.findall(r"^Requires-Dist: (.*)$", text, re.M)
    unconditional = [r for r in requires if "extra ==" not in r]
    assert [re.split(r"[<>=!~ ;\[]", r)[0] for r in unconditional] == ["numpy"], (
        f"unconditional requirements: {unconditional}"
    )
    assert any(r.startswith("manim==0.21.0") for r in requires), requires
    assert "bpmath/data/example.toml" in names, "the sample example file is missing"


def test_the_student_environment_has_numpy_and_no_manim(student_python):
    """Only numpy and the project are installed; manim and cairo cannot be imported."""
    code = (
        "import importlib.metadata as m, importlib.util as u\n"
        "print(sorted(d.metadata['Name'].lower() for d in m.distributions()))\n"
        "print([n for n in ('manim', 'cairo', 'manimpango') if u.find_spec(n)])\n"
    )
    out = run([student_python, "-c", code], cwd=student_python.parent).stdout
    installed, importable = out.splitlines()
    assert installed == "['backprop-calculus', 'numpy']", installed
    assert importable == "[]", f"importable drawing modules: {importable}"


def test_the_readme_tour_runs_in_the_student_environment(student_python, tmp_path):
    """The README's bpmath tour passes as a doctest against the installed wheel."""
    tour = tmp_path / "tour.md"
    tour.write_text(readme_tour(), encoding="utf-8")
    examples = doctest.DocTestParser().get_examples(tour.read_text(encoding="utf-8"))
    assert len(examples) >= 10, f"the tour has only {len(examples)} examples"
    code = (
        "import doctest, sys, bpmath\n"
        "print(bpmath.__file__)\n"
        "flags = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS\n"
        f"r = doctest.testfile({str(tour)!r}, module_relative=False, optionflags=flags)\n"
        "print(r.attempted, r.failed)\n"
        "sys.exit(1 if r.failed else 0)\n"
    )
    out = run([student_python, "-c", code], cwd=tmp_path).stdout.splitlines()
    assert out[0].startswith(str(student_python.parent.parent)), (
        f"bpmath came from {out[0]}, not from the student environment"
    )
    attempted, failed = map(int, out[-1].split())
    assert (attempted, failed) == (len(examples), 0)


def test_the_notebook_bpmath_sections_run_in_the_student_environment(
    student_python, tmp_path
):
    """Numpy and bpmath alone run the notebook's sections; the plot becomes a table."""
    script = tmp_path / "notebook.py"
    script.write_text(notebook_bpmath_script(), encoding="utf-8")
    out = run([student_python, script], cwd=tmp_path).stdout
    for number in range(1, 5):
        assert f"Exercise {number}: right" in out, out[-2000:]
    assert "pip install matplotlib" in out, "the no-matplotlib fallback did not run"


def test_import_scenes_in_the_student_environment_names_the_extra(student_python):
    """`import scenes` without the extra fails with the command that installs it."""
    out = subprocess.run(
        [str(student_python), "-c", "import scenes"],
        capture_output=True,
        text=True,
        check=False,
        cwd=student_python.parent,
    )
    assert out.returncode != 0, "import scenes worked without manim"
    assert 'pip install ".[scenes]"' in out.stderr, out.stderr[-1500:]
