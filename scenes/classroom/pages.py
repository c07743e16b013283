"""The teacher's two files: the answer key (``answers.csv``) and an offline index page.

Both live in the class folder (``media/class/``) and name each student's files by
relative links, so the folder can be copied anywhere and opened without a network.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass

from scenes.classroom.notebook import EXERCISES

__all__ = ["Row", "answers_csv", "index_html"]

STUDENT_FILES = (
    ("lecture", "lecture.mp4"),
    ("captions (srt)", "lecture.srt"),
    ("captions (vtt)", "lecture.vtt"),
    ("notebook", "backprop_by_hand.ipynb"),
    ("chain", "examples/chain.toml"),
    ("wide", "examples/wide.toml"),
    ("training", "examples/training.toml"),
)
"""Each student's files, relative to ``<class>/<id>/``, as the index links them."""


@dataclass(frozen=True)
class Row:
    """One student as the teacher's files show them."""

    id: str
    name: str
    seed: int
    answers: dict[int, float]
    status: str = ""
    """Empty when the lecture is complete, else why not."""


def answers_csv(rows: Sequence[Row]) -> str:
    """One line per student: id, name, seed, then each exercise's answer (6 decimals).

    >>> print(answers_csv([Row("ada", "Ada", 7, {1: -0.2256, 2: 0.63, 3: -0.0081, 4: -2.77})]), end="")
    id,name,seed,exercise_1,exercise_2,exercise_3,exercise_4
    ada,Ada,7,-0.225600,0.630000,-0.008100,-2.770000
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name", "seed", *(f"exercise_{n}" for n in EXERCISES)])
    for row in rows:
        writer.writerow(
            [row.id, row.name, row.seed, *(f"{row.answers[n]:.6f}" for n in EXERCISES)]
        )
    return out.getvalue()


def index_html(rows: Sequence[Row], title: str = "A lecture for every student") -> str:
    """A self-contained page listing every student with links to their files."""
    esc = html.escape
    head = "".join(f"<th>{esc(label)}</th>" for label, _ in STUDENT_FILES)
    body = []
    for row in rows:
        links = "".join(
            f'<td><a href="{esc(row.id)}/{esc(path)}">{esc(label)}</a></td>'
            for label, path in STUDENT_FILES
        )
        status = esc(row.status) if row.status else "complete"
        css = ' class="failed"' if row.status else ""
        body.append(
            f"<tr{css}><td>{esc(row.id)}</td><td>{esc(row.name)}</td><td>{row.seed}</td>"
            f"{links}<td>{status}</td></tr>"
        )
    exercises = "".join(f"<li>Exercise {n}: {esc(text)}</li>" for n, text in EXERCISES.items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #bbb; padding: 0.3em 0.6em; text-align: left; }}
tr.failed td {{ background: #fde2e2; }}
</style></head>
<body>
<h1>{esc(title)}</h1>
<p>{len(rows)} student(s). Each has their own numbers: the lecture, the notebook and the
example files in their folder use them. The answer key is <a href="answers.csv">answers.csv</a>:</p>
<ul>{exercises}</ul>
<table>
<tr><th>id</th><th>name</th><th>seed</th>{head}<th>status</th></tr>
{chr(10).join(body)}
</table>
</body></html>
"""
