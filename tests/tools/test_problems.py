"""mypy's and actionlint's reports become `make check` lines: path, line, message, tool."""

from __future__ import annotations

import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from problems import Problem, parse_tool_lines  # noqa: E402


def test_mypy_errors_are_problems_and_notes_are_not() -> None:
    output = ('_ext/course/facts.py:12: error: Name "x" is not defined  [name-defined]\n'
              '_ext/course/facts.py:12: note: See https://mypy.readthedocs.io\n')
    assert parse_tool_lines(output, ROOT, "mypy") == [
        Problem("_ext/course/facts.py", 12, 'Name "x" is not defined [name-defined] (mypy)')]


def test_actionlint_lines_drop_the_column() -> None:
    output = (f"{ROOT}/.github/workflows/book.yml:45:18: shellcheck reported issue in this "
              "script: SC2155:warning:1:8: Declare and assign separately [shellcheck]\n")
    [problem] = parse_tool_lines(output, ROOT, "actionlint")
    assert (problem.path, problem.line) == (".github/workflows/book.yml", 45)
    assert problem.message.endswith("[shellcheck] (actionlint)")
