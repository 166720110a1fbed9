"""Examples run contained: each hostile example fails with one line naming its file and line,
nothing reaches outside, nothing is left running, and an early exit never passes silently."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from doctests import run_doctests  # noqa: E402
from tests.extension.minibook import lesson, write_minibook  # noqa: E402

FENCE = "```"


def with_example(book: Path, code: str) -> Path:
    day = book / "week1" / "day-01.md"
    body = f"\n{FENCE}{{doctest}}\n{code}\n{FENCE}\n\n{FENCE}{{doctest}}\n>>> 1 + 1\n2\n{FENCE}\n"
    day.write_text(lesson(1, 1, next_day=2, body=body), encoding="utf-8")
    return day


def run(book: Path) -> tuple[int, str, str | None]:
    return run_doctests(book, book / "_build" / "doctest", limit=120)


def test_a_clean_run_counts_every_example(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    with_example(book, ">>> print('hi')\nhi")
    status, output, problem = run(book)
    assert (status, problem) == (0, None), output
    progress = (book / "_build" / "doctest" / "doctest-progress.txt").read_text()
    assert progress.strip() == "finished: 2 of 2"


CASES = {
    "a loop that never ends": (">>> while True:\n...     pass", "ran for more than 1 s"),
    "the network": (">>> import socket\n>>> socket.create_connection(('example.org', 80))",
                    "looks up example.org on the network"),
    "a program": (">>> import subprocess\n>>> subprocess.run(['true'])", "starts a program"),
    "a file in the project": (">>> open(%r, 'w')", "writes conf.py into the project"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_example_fails_at_its_line(tmp_path: Path, case: str) -> None:
    book = write_minibook(tmp_path)
    with (book / "conf.py").open("a") as conf:
        conf.write("course_example_seconds = 1  # the default is 10: the hang fails sooner\n")
    code, words = CASES[case]
    with_example(book, code.replace("%r", repr(str(book / "conf.py"))))
    status, output, problem = run(book)
    assert status != 0 and problem is None
    report = (book / "_build" / "doctest" / "output.txt").read_text()
    assert "week1/day-01.md" in report and words in report, report[-1500:]
    assert "Traceback" not in output.replace("Traceback (most recent call last)", "")


def test_an_example_that_ends_the_run_is_named(tmp_path: Path) -> None:
    book = write_minibook(tmp_path)
    with_example(book, ">>> import os\n>>> os._exit(0)")
    status, _output, problem = run(book)
    assert status != 0
    assert problem is not None and problem.startswith("week1/day-01.md:")
    assert "this example ended the run" in problem


def test_examples_see_no_ci_variables_and_a_scratch_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CI_SECRET_TOKEN", "hunter2")
    book = write_minibook(tmp_path)
    with_example(book, ">>> import os\n>>> 'CI_SECRET_TOKEN' in os.environ\nFalse\n"
                       ">>> os.getcwd() == %r\nFalse" % str(book))
    status, output, problem = run(book)
    assert (status, problem) == (0, None), output
    assert os.environ["CI_SECRET_TOKEN"] == "hunter2"
