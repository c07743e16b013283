"""A student's copy of the notebook, set to their own example files, and its answer key.

The copy reads ``examples/<role>.toml`` beside it instead of the lecture's built-in
examples, so every check compares the student's answers with bpmath's values for *their*
numbers. The worked answers of the exercise cells (tagged ``exercise-<n>``) are replaced
by ``None``; the check of an unanswered exercise says so instead of failing, so the
notebook runs from top to bottom before any exercise is done.
"""

from __future__ import annotations

import json
from pathlib import Path

import bpmath
from scenes.classroom.personal import Personal

__all__ = ["EXERCISES", "NOTEBOOK", "answers", "personal_notebook"]

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "backprop_by_hand.ipynb"
EXERCISES = {
    1: "dC0/db^(3) of the chain",
    2: "dC0/da^(2) of the chain",
    3: "dC0/dw_12^(L) of the wide network",
    4: "w^(3) after one step of gradient descent (rate 1) on the training set",
}
"""The notebook's exercises, by number, as the answer key's columns describe them."""
_EXAMPLES = {
    f"bpmath.examples.{role}()": f'bpmath.examples.get("{role}", "examples/{role}.toml")'
    for role in bpmath.examples.ROLES
}
_UNANSWERED = (
    "    yours = np.asarray(yours, dtype=float)\n",
    "    if yours is None:\n"
    '        print(f"{exercise}: not answered yet")\n'
    "        return\n"
    "    yours = np.asarray(yours, dtype=float)\n",
)


def answers(mine: Personal) -> dict[int, float]:
    """Each exercise's answer for these examples, as the notebook's checks compute it."""
    chain, wide, training = mine.chain, mine.wide, mine.training
    grads = bpmath.backward(chain.network, chain.x, chain.y)
    L = wide.network.L
    step = bpmath.gradient_descent(
        training.network, training.inputs, training.targets, rate=1.0, steps=1
    )
    return {
        1: float(grads.bias(3)[0]),
        2: float(grads.a(2)[0]),
        3: float(bpmath.backward(wide.network, wide.x, wide.y).weight(L)[1, 2]),
        4: float(step.networks[1].weight(3)[0, 0]),
    }


def personal_notebook(student_name: str, source: Path = NOTEBOOK) -> str:
    """The notebook (ipynb JSON) for one student, reading ``examples/*.toml`` beside it.

    Raises
    ------
    ValueError
        If the notebook no longer has what the copy changes (an exercise cell, the
        check function, a call of a built-in example): it was edited, update this module.
    """
    book = json.loads(source.read_text(encoding="utf-8"))
    found = {key: 0 for key in _EXAMPLES}
    exercises = set()
    checks = 0
    for cell in book["cells"]:
        if cell["cell_type"] != "code":
            continue
        text = "".join(cell["source"])
        tags = cell.get("metadata", {}).get("tags", [])
        number = next((int(t.split("-")[1]) for t in tags if t.startswith("exercise-")), None)
        if number is not None:
            exercises.add(number)
            text = (
                f"answer_{number} = None  # your answer: a number, or an expression in"
                " the variables above"
            )
        for old, new in _EXAMPLES.items():
            found[old] += text.count(old)
            text = text.replace(old, new)
        if "def check(" in text and _UNANSWERED[0] in text:
            checks += 1
            text = text.replace(_UNANSWERED[0], _UNANSWERED[1])
        cell["source"] = text.splitlines(keepends=True)
        cell["outputs"], cell["execution_count"] = [], None
    missing = [old for old, n in found.items() if n == 0]
    if missing or exercises != set(EXERCISES) or checks != 1:
        raise ValueError(
            f"{source} changed: expected the check function, exercises {sorted(EXERCISES)}"
            f" and calls {sorted(_EXAMPLES)}; found exercises {sorted(exercises)},"
            f" {checks} check function(s), missing calls {missing}"
        )
    intro = {
        "cell_type": "markdown",
        "id": "personal-examples",
        "metadata": {},
        "source": [
            f"**{student_name}'s notebook.** The examples are your own: the files in"
            " `examples/` beside this notebook, the same numbers as your lecture. Each"
            " exercise cell starts as `None`; write your answer there and run the check"
            " after it.\n"
        ],
    }
    book["cells"].insert(1, intro)
    return json.dumps(book, indent=1, ensure_ascii=False) + "\n"
