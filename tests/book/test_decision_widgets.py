"""One table of cases per decision widget: the lesson's doctested function agrees with every
case, and the built page carries the same cases (tests/browser/test_widgets.py clicks them).
"""

from __future__ import annotations

import doctest
import itertools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, Build

sys.path.insert(0, str(ROOT / "_ext"))
from course.widgets import DecisionTable, load_decision_table  # noqa: E402

TABLES = sorted((ROOT / "widgets").glob("*.json"))
DIRECTIVE = re.compile(r"^:::\{decision-widget\} (\S+)\s*$", re.MULTILINE)


def lessons_using(table: Path) -> list[Path]:
    return [lesson for lesson in sorted(ROOT.glob("week*/day-*.md"))
            if f"/widgets/{table.name}" in DIRECTIVE.findall(lesson.read_text(encoding="utf-8"))]


def doctested_function(lesson: Path, name: str) -> Callable[..., str]:
    """The function `name` exactly as the lesson's ```{doctest} block defines it."""
    blocks = re.findall(r"```\{doctest\}\n(.*?)```", lesson.read_text(encoding="utf-8"), re.DOTALL)
    for block in blocks:
        for example in doctest.DocTestParser().get_examples(block):
            if example.source.startswith(f"def {name}("):
                namespace: dict[str, object] = {}
                exec(compile(example.source, str(lesson), "exec"), namespace)
                return namespace[name]  # type: ignore[return-value]
    raise AssertionError(f"{lesson.name} has no doctest that defines {name}()")


def every_answer(table: DecisionTable, given: dict[str, bool]):
    """Every full set of answers that agrees with `given` (questions not asked: both ways)."""
    open_questions = [q.name for q in table.questions if q.name not in given]
    for values in itertools.product((True, False), repeat=len(open_questions)):
        yield {**given, **dict(zip(open_questions, values))}


@pytest.fixture(params=TABLES, ids=[path.stem for path in TABLES])
def table_file(request: pytest.FixtureRequest) -> Path:
    return request.param


def test_the_tables_are_whole_trees(table_file: Path) -> None:
    table, problems = load_decision_table(table_file)
    assert problems == [] and table is not None
    assert len(lessons_using(table_file)) == 1, "each table belongs to one lesson"


def test_the_lessons_function_gives_every_result_of_the_table(table_file: Path) -> None:
    table, _ = load_decision_table(table_file)
    assert table is not None
    function = doctested_function(lessons_using(table_file)[0], table.function)
    for case in table.cases:
        for answers in every_answer(table, case.answers):
            assert function(**answers) == case.result, (case, answers)


def test_the_page_carries_the_table_and_only_widget_pages_load_the_script(html_build: Build) -> None:
    pages_with_widget = set()
    for table_file in TABLES:
        table, _ = load_decision_table(table_file)
        assert table is not None
        page = lessons_using(table_file)[0].relative_to(ROOT).with_suffix(".html").as_posix()
        pages_with_widget.add(page)
        html = html_build.page(page)
        data = re.search(r'<script type="application/json" class="course-decision-data">(.*?)</script>',
                         html, re.DOTALL)
        assert data and json.loads(data.group(1)) == table.for_script()
        assert f'<span class="caption-text">{table.caption}</span>' in html
        rows = re.findall(r"<tr[^>]*><td>(.*?)</tr>", html.split(table.caption, 1)[1], re.DOTALL)
        assert len(rows) >= len(table.cases)
    for page in html_build.outdir.rglob("*.html"):
        name = page.relative_to(html_build.outdir).as_posix()
        loads = "js/decision-widget.js" in page.read_text(encoding="utf-8")
        assert loads == (name in pages_with_widget), name
