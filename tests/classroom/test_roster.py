"""The roster: good files read, every bad one named with its line number."""

from __future__ import annotations

import pytest

from scenes.classroom.roster import MAX_STUDENTS, RosterError, parse_roster, read_roster


def problems(text: str) -> list[str]:
    with pytest.raises(RosterError) as caught:
        parse_roster(text, "roster.csv")
    return caught.value.problems


def test_reads_ids_names_seeds_and_blank_lines():
    """Optional columns, spaces, a BOM-free header in any case and blank lines are fine."""
    students = parse_roster("ID,Name,Seed\nada, Ada L ,3\n\nalan,Alan,\n")
    assert [(s.id, s.name, s.seed, s.line) for s in students] == [
        ("ada", "Ada L", 3, 2),
        ("alan", "Alan", None, 4),
    ]


def test_saturated_column():
    """A teacher can ask for a saturated neuron per student."""
    students = parse_roster("id,name,saturated\na,A,yes\nb,B,\n")
    assert [s.saturated for s in students] == [True, False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id,name\nada,A\nbob,B\nada,C\n", "line 4: duplicate id 'ada' (first on line 2)"),
        ("id,name\nAda,A\nada,C\n", "line 3: duplicate id 'ada' (first on line 2)"),
        ("id,name\nada,A\n,B\n", "line 3: empty id"),
        ("id,name\n../x,A\n", "line 2: id '../x' is not a safe folder name"),
        ("id,name\na/b,A\n", "line 2: id 'a/b' is not a safe folder name"),
        ("id,name\n.hidden,A\n", "line 2: id '.hidden' is not a safe folder name"),
        ("id,name,seed\nada,A,1.5\n", "line 2: seed '1.5' is not an integer"),
        ("id,name,seed\nada,A,seven\n", "line 2: seed 'seven' is not an integer"),
        ("id,seed\nada,1\n", "line 1: missing column name"),
        ("name\nAda\n", "line 1: missing column id"),
        ("id,name\n", "no students"),
        ("", "line 1: the roster is empty"),
    ],
)
def test_bad_rows_are_named_with_their_line(text, expected):
    """Each bad case of the issue is reported with its line number."""
    found = problems(text)
    assert any(p.startswith(expected) or expected in p for p in found), found


def test_every_problem_at_once():
    """Several bad lines give one error listing each."""
    found = problems("id,name,seed\n,A,1\nok,B,x\nok2,C,3\n../d,D,4\n")
    assert [p.split(":")[0] for p in found] == ["line 2", "line 3", "line 5"], found


def test_quoted_newlines_keep_file_line_numbers():
    """A quoted name spanning two lines does not shift the numbers after it."""
    found = problems('id,name\na,"Two\nlines"\n,B\n')
    assert found == ["line 4: empty id"], found


def test_too_many_rows():
    """More than 1000 students is refused, naming the first line over the limit."""
    text = "id,name\n" + "".join(f"s{i},S{i}\n" for i in range(MAX_STUDENTS + 5))
    found = problems(text)
    assert found == [f"line {MAX_STUDENTS + 2}: more than {MAX_STUDENTS} students; split the class"]


def test_not_utf8(tmp_path):
    """A Latin-1 file is named with the line of its first bad byte."""
    path = tmp_path / "roster.csv"
    path.write_bytes("id,name\nada,Ada\nzoe,Zoë\n".encode("latin-1"))
    with pytest.raises(RosterError) as caught:
        read_roster(path)
    assert caught.value.problems[0].startswith("line 3: not UTF-8"), caught.value.problems
    assert "nothing was rendered" in str(caught.value)


def test_utf8_with_bom(tmp_path):
    """A spreadsheet's UTF-8 export (with a BOM) reads."""
    path = tmp_path / "roster.csv"
    path.write_bytes("id,name\nzoe,Zoë\n".encode("utf-8-sig"))
    assert [s.name for s in read_roster(path)] == ["Zoë"]


def test_binary_file(tmp_path):
    """A file that is not CSV text is refused."""
    path = tmp_path / "roster.csv"
    path.write_bytes(b"id,name\n\x00\x01\x02\n")
    with pytest.raises(RosterError, match="not a CSV text file"):
        read_roster(path)
