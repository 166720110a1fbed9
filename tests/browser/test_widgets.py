"""The decision widgets on Day 9 and Day 16, clicked through every case of their table.

The table of cases (widgets/*.json) is the single source: this walks the web widget through
each case; tests/book/test_decision_widgets.py checks the lesson's Python function against it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.browser.conftest import Tab
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

WIDGETS = {  # page -> its table of cases
    "week2/day-09.html": ROOT / "widgets" / "where-should-this-run.json",
    "week3/day-16.html": ROOT / "widgets" / "should-i-set-up-a-server.json",
}


def table_of(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def shown(result: str) -> str:
    """How the widget words a result: its first letter a capital."""
    return result[0].upper() + result[1:]


def expected_questions(table: dict, answers: dict[str, bool]) -> list[str]:
    """The questions a case's answers come from, in the table's order of questions."""
    return [question["name"] for question in table["questions"] if question["name"] in answers]


@pytest.mark.parametrize("page", WIDGETS)
def test_the_widget_reaches_every_case_of_its_table(open_tab: Callable[..., Tab], page: str) -> None:
    table = table_of(WIDGETS[page])
    tab = open_tab()
    tab.open(page)
    widget = tab.page.locator(".course-decision-form")
    result = widget.locator(".course-decision-result")
    for case in table["cases"]:
        if widget.locator(".course-decision-again").is_visible():
            widget.locator(".course-decision-again").click()
        asked = []
        for _ in table["questions"]:
            if result.get_attribute("data-result") is not None:
                break
            step = widget.locator(".course-decision-step").last
            name = step.get_attribute("data-name")
            asked.append(name)
            assert name in case["answers"], (case, asked)
            step.get_by_role("button", name="Yes" if case["answers"][name] else "No").click()
        assert asked == expected_questions(table, case["answers"]), case
        assert result.get_attribute("data-result") == case["result"]
        assert result.inner_text().strip() == shown(case["result"])
        assert result.get_attribute("role") == "status"  # announced to screen readers
    assert tab.console_errors == [] and tab.outside_requests == []


def test_changing_an_earlier_answer_takes_the_other_branch(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab()
    tab.open("week3/day-16.html")
    widget = tab.page.locator(".course-decision-form")
    steps = widget.locator(".course-decision-step")
    steps.nth(0).get_by_role("button", name="Yes").click()  # a secret: on to question 4
    assert steps.last.get_attribute("data-name") == "ready_made_fits"
    steps.last.get_by_role("button", name="No").click()
    assert widget.locator("[role=status]").inner_text() == "Your own server: it needs a secret"
    steps.nth(0).get_by_role("button", name="No").click()  # no secret after all
    assert steps.count() == 2 and steps.last.get_attribute("data-name") == "shared_across_users"
    assert widget.locator("[role=status]").get_attribute("data-result") is None
    assert steps.nth(0).get_by_role("button", name="No").get_attribute("aria-pressed") == "true"
    assert steps.nth(0).get_by_role("button", name="Yes").get_attribute("aria-pressed") == "false"


@pytest.mark.parametrize("page", WIDGETS)
def test_without_scripts_the_page_shows_the_table_of_cases(open_tab: Callable[..., Tab],
                                                           page: str) -> None:
    table = table_of(WIDGETS[page])
    tab = open_tab(java_script_enabled=False)
    tab.open(page)
    widget = tab.page.locator(".course-decision")
    assert widget.locator("form, button").count() == 0
    grid = widget.locator("table")
    assert grid.is_visible()
    assert grid.locator("caption").inner_text().startswith(table["caption"])
    rows = grid.locator("tbody tr")
    assert rows.count() == len(table["cases"])
    for index, case in enumerate(table["cases"]):
        assert rows.nth(index).locator("td").last.inner_text().strip() == shown(case["result"])


def test_with_scripts_the_table_is_one_click_away(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab()
    tab.open("week2/day-09.html")
    cases = tab.page.locator(".course-decision details.course-decision-cases")
    assert not cases.locator("table").is_visible()
    cases.locator("summary").click()
    assert cases.locator("table").is_visible()
