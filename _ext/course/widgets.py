"""Decision widgets: a lesson's yes/no questions, from one table of cases in `widgets/*.json`.

An author writes

    :::{decision-widget} /widgets/where-should-this-run.json
    :::

Every builder shows the table of cases (what PDF and ePub readers see, and what the web page
shows when scripts do not run). HTML pages also carry the cases as JSON, and
`_static/js/decision-widget.js`, added only to pages with a widget, turns them into questions
asked one at a time. The lesson's doctested Python function is tested against the same cases
(tests/book/test_decision_widgets.py), so the page, the widget and the function cannot disagree.

A table of cases is a decision tree written out: each case lists the answers that lead to it,
leaving out the questions that are never asked on its way. Every combination of yes and no must
reach exactly one case.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from .builders import is_web
from .facts import Problem

logger = logging.getLogger(__name__)

WIDGET_SCRIPT = "js/decision-widget.js"
KEYS = ("title", "intro", "caption", "function", "questions", "cases")


@dataclass(frozen=True)
class Question:
    name: str   # the Python function's keyword argument
    ask: str    # the question as the lesson words it
    short: str  # a few words for the table


@dataclass(frozen=True)
class Case:
    answers: dict[str, bool]  # only the questions asked on the way to this result
    result: str               # exactly what the lesson's function returns
    line: int = 1             # where the case is written in the JSON file


@dataclass(frozen=True)
class DecisionTable:
    title: str    # the widget's heading
    intro: str    # what the widget asks the reader to do
    caption: str  # the table's caption
    function: str
    questions: tuple[Question, ...]
    cases: tuple[Case, ...] = field(default_factory=tuple)

    def case_for(self, answers: dict[str, bool]) -> list[Case]:
        """The cases a complete set of answers reaches (exactly one in a good table)."""
        return [case for case in self.cases
                if all(answers[name] == value for name, value in case.answers.items())]

    def for_script(self) -> dict[str, Any]:
        """What the page's script needs, and nothing more."""
        return {"title": self.title, "intro": self.intro,
                "questions": [{"name": q.name, "ask": q.ask} for q in self.questions],
                "cases": [{"answers": c.answers, "result": c.result} for c in self.cases]}


def _line_of(text: str, needle: str, start: int) -> tuple[int, int]:
    """1-based line of `needle` at or after `start` (and where it was found)."""
    found = text.find(needle, start)
    if found < 0:
        return 1, start
    return text.count("\n", 0, found) + 1, found + len(needle)


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def load_decision_table(path: Path) -> tuple[DecisionTable | None, list[Problem]]:
    """Read and check a table of cases; problems are one line each, in an author's words."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        return None, [Problem(1, f"cannot read the table of cases ({error.strerror})")]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [Problem(error.lineno, f"this is not valid JSON: {error.msg} "
                                            f"(column {error.colno}; fix the file)")]
    if not isinstance(data, dict):
        return None, [Problem(1, "the file should hold one object with "
                                 + ", ".join(f'"{key}"' for key in KEYS))]
    problems: list[Problem] = []
    missing = [key for key in KEYS if not data.get(key)]
    if missing:
        return None, [Problem(1, f"the table of cases has no {', '.join(repr(k) for k in missing)} "
                                 "(every widget needs a title, an intro, a caption for its table, "
                                 "the lesson's function name, its questions and its cases)")]

    questions: list[Question] = []
    position = 0
    for number, raw in enumerate(data["questions"], start=1):
        name = raw.get("name", "") if isinstance(raw, dict) else ""
        line, position = _line_of(text, f'"{name}"', position) if name else (1, position)
        if not name or not raw.get("ask") or not raw.get("short"):
            problems.append(Problem(line, f'question {number} needs "name", "ask" and "short" '
                                          '(the argument name, the question, a few words for the table)'))
            continue
        questions.append(Question(name, raw["ask"], raw["short"]))
    names = [q.name for q in questions]

    cases: list[Case] = []
    position = text.find('"cases"')
    for number, raw in enumerate(data["cases"], start=1):
        if not isinstance(raw, dict) or not isinstance(raw.get("answers"), dict) or not raw.get("result"):
            problems.append(Problem(_line_of(text, "{", max(position, 0))[0],
                                    f'case {number} needs "answers" (question name: true or false) '
                                    'and "result" (what the function returns)'))
            continue
        line, position = _line_of(text, json.dumps(raw["result"]), max(position, 0))
        answers = raw["answers"]
        unknown = [name for name in answers if name not in names]
        not_yes_no = [name for name, value in answers.items() if not isinstance(value, bool)]
        if unknown:
            problems.append(Problem(line, f"case {number} answers {', '.join(unknown)}, which is not "
                                          f"a question (the questions are {', '.join(names)})"))
        elif not_yes_no:
            problems.append(Problem(line, f"case {number} answers {', '.join(not_yes_no)} with "
                                          "something other than true or false"))
        else:
            cases.append(Case(dict(answers), str(raw["result"]), line))
    table = DecisionTable(str(data["title"]), str(data["intro"]), str(data["caption"]),
                          str(data["function"]), tuple(questions), tuple(cases))
    if not problems:
        problems += check_tree(table)
    return (None if problems else table), problems


def check_tree(table: DecisionTable) -> list[Problem]:
    """Every combination of answers reaches exactly one case."""
    problems: list[Problem] = []
    names = [q.name for q in table.questions]
    for values in itertools.product((True, False), repeat=len(names)):
        answers = dict(zip(names, values))
        reached = table.case_for(answers)
        said = ", ".join(f"{name} {_yes_no(value)}" for name, value in answers.items())
        if not reached:
            problems.append(Problem(1, f"no case covers {said} (add a case for it)"))
        elif len(reached) > 1:
            first, second = reached[:2]
            problems.append(Problem(second.line, f"this case and the one on line {first.line} "
                                                 f"both cover {said} (a case must leave out only "
                                                 "questions that are never asked on its way)"))
        if len(problems) >= 3:
            break  # enough to start fixing; the rest usually follow from the same mistake
    return problems


class decision_widget(nodes.container):
    """The table of cases; on HTML pages also the data the widget script reads."""


def _result_paragraph(result: str) -> nodes.paragraph:
    answer, _, reason = result.partition(": ")
    para = nodes.paragraph()
    para += nodes.strong(answer[:1].upper() + answer[1:], answer[:1].upper() + answer[1:])
    if reason:
        para += nodes.Text(f": {reason}")
    return para


def cases_table(table: DecisionTable) -> nodes.table:
    """The whole tree as a two-column table: the answers you give, and where you land."""
    shorts = {q.name: q.short for q in table.questions}
    order = {q.name: index for index, q in enumerate(table.questions)}
    grid = nodes.table(classes=["course-decision-table"])
    grid += nodes.title(table.caption, table.caption)
    group = nodes.tgroup(cols=2)
    grid += group
    group += nodes.colspec(colwidth=3)
    group += nodes.colspec(colwidth=2)
    head_row = nodes.row()
    for label in ("If you answer", "The answer"):
        head_row += nodes.entry("", nodes.paragraph(label, label))
    group += nodes.thead("", head_row)
    body = nodes.tbody()
    for case in table.cases:
        row = nodes.row()
        answers = nodes.entry()
        for name in sorted(case.answers, key=order.__getitem__):
            said = f"{shorts[name]}: {_yes_no(case.answers[name])}"
            answers += nodes.paragraph(said, said)
        row += answers
        row += nodes.entry("", _result_paragraph(case.result))
        body += row
    group += body
    return grid


class DecisionWidget(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        path = Path(absolute)
        if not path.is_file():
            logger.warning(f"the decision widget's table of cases {relative} does not exist "
                           "(check the path; tables live in widgets/)",
                           location=self.get_location(), type="course", subtype="widget")
            return []
        self.env.note_dependency(absolute)
        table, problems = load_decision_table(path)
        for problem in problems:
            logger.warning(problem.message, location=f"{relative}:{problem.line}",
                           type="course", subtype="widget")
        if table is None:
            return []
        widget = decision_widget(classes=["course-decision"], ids=[f"decision-{path.stem}"])
        self.set_source_info(widget)
        widget["cases"] = json.dumps(table.for_script(), separators=(",", ":"), ensure_ascii=False)
        widget += cases_table(table)
        return [widget]


# -- HTML: the cases as data for the script (not for ePub, whose readers show the table) --------
def visit_decision_widget_html(self: HTML5Translator, node: decision_widget) -> None:
    self.body.append(self.starttag(node, "div"))
    if is_web(self.builder):
        # "<" only occurs inside JSON strings, where \u003c means the same: the data can never
        # close the script element or open a comment (`<!--`) that hides the rest of the page.
        data = node["cases"].replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        self.body.append(f'<script type="application/json" class="course-decision-data">{data}</script>\n')


def depart_decision_widget_html(self: HTML5Translator, node: decision_widget) -> None:
    self.body.append("</div>\n")


def add_widget_script(app: Sphinx, pagename: str, templatename: str,
                      context: dict[str, Any], doctree: nodes.document | None) -> None:
    """The widget's script goes only on pages that show a widget."""
    if doctree is None or not is_web(app.builder):
        return
    if next(iter(doctree.findall(decision_widget)), None) is not None:
        app.add_js_file(WIDGET_SCRIPT)


def setup_widgets(app: Sphinx) -> None:
    app.add_node(decision_widget, html=(visit_decision_widget_html, depart_decision_widget_html))
    app.add_directive("decision-widget", DecisionWidget)
    app.connect("html-page-context", add_widget_script)
