"""The student notebook runs top to bottom, its checks hold, and a wrong answer is caught."""

from __future__ import annotations

import base64
import copy
import re
import struct
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from traitlets import default

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "backprop_by_hand.ipynb"
PAIRED = NOTEBOOK.with_suffix(".py")

pytestmark = pytest.mark.xdist_group("notebook")  # one kernel run shared by the tests


def tags(cell) -> list[str]:
    """The cell's tags (exercise-1, check-1, scenes, ...)."""
    return list(cell.get("metadata", {}).get("tags", []))


def tagged(nb, prefix: str) -> dict[str, int]:
    """Tag -> cell index for the tags that start with ``prefix``."""
    return {
        t: i for i, c in enumerate(nb.cells) for t in tags(c) if t.startswith(prefix)
    }


class ThisInterpreter(KernelSpecManager):
    """Kernel specs that always start an ipykernel on the interpreter running the tests.

    A developer's own ``python3`` kernel spec (``ipykernel install --user``) may point
    at another Python that has no bpmath; the notebook must run in this environment.
    """

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        return KernelSpec(argv=argv, display_name="tests", language="python")


class ThisInterpreterKernel(AsyncKernelManager):
    """nbclient's kernel manager, with the kernel specs above."""

    @default("kernel_spec_manager")
    def _this_interpreter(self) -> KernelSpecManager:
        return ThisInterpreter()


def execute(nb, folder: Path, allow_errors: bool = False):
    """Run ``nb`` in a fresh kernel with ``folder`` as its working directory."""
    client = NotebookClient(
        nb,
        kernel_manager_class=ThisInterpreterKernel,
        timeout=600,
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute()
    return nb


def text_of(cell) -> str:
    """Everything a code cell printed (streams and plain-text results)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif "data" in out and "text/plain" in out.data:
            parts.append(out.data["text/plain"])
    return "".join(parts)


def errors(cell) -> list:
    """The error outputs of a cell."""
    return [o for o in cell.get("outputs", []) if o.output_type == "error"]


def png_size(cell) -> tuple[int, int] | None:
    """Width and height of the first PNG the cell displayed, or None."""
    for out in cell.get("outputs", []):
        if "data" in out and "image/png" in out.data:
            data = base64.b64decode(out.data["image/png"])
            return struct.unpack(">II", data[16:24])
    return None


def read() -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOK, as_version=4)


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook run top to bottom once (the scene renders into a temporary folder)."""
    nb = read()
    try:
        return execute(nb, tmp_path_factory.mktemp("notebook"))
    except CellExecutionError as err:
        pytest.fail(f"the notebook stopped with an error:\n{err}")


def test_paired_script_holds_the_same_cells():
    """notebooks/*.py (jupytext percent) and the .ipynb have the same cells and tags."""
    nb, script = jupytext.read(NOTEBOOK), jupytext.read(PAIRED)
    assert [c.cell_type for c in nb.cells] == [c.cell_type for c in script.cells]
    for i, (a, b) in enumerate(zip(nb.cells, script.cells, strict=True)):
        assert a.source == b.source, (
            f"cell {i} differs between the .ipynb and the .py: run "
            "`jupytext --sync notebooks/backprop_by_hand.py`"
        )
        assert tags(a) == tags(b), f"cell {i}: tags {tags(a)} != {tags(b)}"


def test_committed_without_outputs():
    """The committed notebook has no outputs and no execution counts."""
    for i, cell in enumerate(read().cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {i} was committed with outputs"
            assert cell.execution_count is None, f"cell {i} has an execution count"


def test_every_exercise_has_a_check_right_after_it():
    """Each exercise-n cell is followed by its check-n cell; there are at least three."""
    nb = read()
    exercises, checks = tagged(nb, "exercise-"), tagged(nb, "check-")
    assert len(exercises) >= 3, f"only {len(exercises)} exercises"
    for tag, index in exercises.items():
        check = tag.replace("exercise-", "check-")
        assert checks.get(check) == index + 1, f"{tag} is not followed by {check}"


@pytest.mark.render
def test_runs_top_to_bottom_and_every_check_passes(executed):
    """Every cell ran without an error and every check cell said the answer is right."""
    broken = [i for i, c in enumerate(executed.cells) if errors(c)]
    assert not broken, f"cells with errors: {broken}"
    for tag, index in tagged(executed, "check-").items():
        number = tag.removeprefix("check-")
        said = text_of(executed.cells[index])
        assert f"Exercise {number}: right" in said, f"{tag} printed {said!r}"


@pytest.mark.render
def test_the_cost_is_plotted(executed):
    """The gradient-descent section shows a matplotlib plot of the cost."""
    plots = [
        i
        for i, c in enumerate(executed.cells)
        if "plt.show()" in c.source and png_size(c)
    ]
    assert plots, "no cell calling plt.show() displayed a PNG"


@pytest.mark.render
def test_the_scene_is_drawn_inline(executed):
    """The %%manim cell displays the rendered frame (854x480 at -ql)."""
    magic = [c for c in executed.cells if c.source.startswith("%%manim")]
    assert len(magic) == 1, "expected exactly one %%manim cell"
    assert png_size(magic[0]) == (854, 480), f"displayed {png_size(magic[0])}"


def test_a_wrong_answer_fails_its_check(tmp_path):
    """Every exercise answered wrongly makes its own check cell fail, and only that."""
    nb = read()
    nb.cells = [c for c in nb.cells if "scenes" not in tags(c)]
    exercises = tagged(nb, "exercise-")
    for tag, index in exercises.items():
        name = f"answer_{tag.removeprefix('exercise-')}"
        assert re.search(rf"^{name} =", nb.cells[index].source, re.M), (
            f"{tag} does not assign {name}"
        )
        nb.cells[index].source += f"\n{name} = {name} + 0.01  # a wrong answer\n"
    ran = execute(copy.deepcopy(nb), tmp_path, allow_errors=True)
    checks = tagged(ran, "check-")
    for tag, index in checks.items():
        number = tag.removeprefix("check-")
        found = errors(ran.cells[index])
        assert found, f"{tag} passed a wrong answer: {text_of(ran.cells[index])!r}"
        assert found[0].ename == "AssertionError", found[0].ename
        assert f"Exercise {number}:" in found[0].evalue, found[0].evalue
    others = [
        i for i, c in enumerate(ran.cells) if errors(c) and i not in checks.values()
    ]
    assert not others, f"a wrong answer also broke cells {others}"


def test_the_scenes_section_skips_itself_without_manim(tmp_path):
    """Without Manim the drawing cells print how to install it and raise nothing."""
    nb = read()
    hide = nbformat.v4.new_code_cell("import sys\nsys.modules['manim'] = None")
    nb.cells = [hide] + [c for c in nb.cells if "scenes" in tags(c)]
    assert len(nb.cells) >= 3, "no cells tagged 'scenes'"
    ran = execute(nb, tmp_path, allow_errors=True)
    broken = {i: errors(c)[0].evalue for i, c in enumerate(ran.cells) if errors(c)}
    assert not broken, f"cells failed without Manim: {broken}"
    said = "".join(text_of(c) for c in ran.cells)
    assert 'pip install ".[scenes]"' in said, f"no install hint, printed {said!r}"
    assert not list(tmp_path.rglob("*.png")), "something was rendered without Manim"
