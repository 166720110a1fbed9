"""Reader progress with no server: marked days live in this browser's localStorage, the course
map counts and ticks them, reset clears them, and nothing is sent anywhere.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.slow

STORED = "() => JSON.parse(localStorage.getItem('ai-asks:days-done') || '[]')"


def ticked_days(tab: Tab) -> list[int]:
    return tab.page.evaluate("""() => [...document.querySelectorAll('.course-day-card')]
        .filter((card) => card.querySelector('.course-tick'))
        .map((card) => Number(card.id.replace('course-day-', '')))""")


def test_marking_days_done_shows_on_the_course_map_and_resets(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab()
    requests_after_load: list[str] = []
    tab.open("week2/day-09.html")
    tab.page.wait_for_load_state("networkidle")  # the favicon and the like come after `load`
    tab.page.on("request", lambda request: requests_after_load.append(request.url))

    mark = tab.page.get_by_role("button", name="Mark Day 9 done")
    assert mark.get_attribute("aria-pressed") == "false"
    mark.click()
    assert mark.get_attribute("aria-pressed") == "true"
    assert tab.page.evaluate(STORED) == [9]
    mark.press("Space")  # a second press unmarks it; a third marks it again
    assert tab.page.evaluate(STORED) == []
    mark.press("Enter")
    assert tab.page.evaluate(STORED) == [9]
    assert requests_after_load == []  # nothing left the page, let alone the device

    tab.open("week3/day-16.html")
    tab.page.get_by_role("button", name="Mark Day 16 done").click()
    tab.open("index.html")
    count = tab.page.locator(".course-progress-count")
    assert count.inner_text() == "2 of 21 done"
    assert count.get_attribute("role") == "status"
    assert ticked_days(tab) == [9, 16]
    assert tab.page.locator("#course-day-9 .course-tick").inner_text().strip() == "✓ Done"

    tab.page.wait_for_load_state("networkidle")
    requests_after_load.clear()
    tab.page.get_by_role("button", name="Reset progress").click()
    assert count.inner_text() == "0 of 21 done"
    assert ticked_days(tab) == []
    assert tab.page.evaluate(STORED) == []
    assert requests_after_load == []
    tab.open("week2/day-09.html")
    assert tab.page.get_by_role("button", name="Mark Day 9 done").get_attribute("aria-pressed") == "false"
    assert tab.console_errors == [] and tab.outside_requests == []


def test_progress_follows_the_reader_across_tabs(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab()
    tab.open("index.html")
    lesson = tab.page.context.new_page()
    lesson.goto(tab.site.url + "week1/day-01.html")
    lesson.get_by_role("button", name="Mark Day 1 done").click()
    tab.page.wait_for_function("() => document.querySelector('.course-progress-count').textContent === '1 of 21 done'")
    assert ticked_days(tab) == [1]


def test_without_scripts_the_progress_controls_are_not_shown(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(java_script_enabled=False)
    tab.open("index.html")
    assert not tab.page.locator(".course-progress").is_visible()
    tab.open("week2/day-09.html")
    assert not tab.page.locator(".course-done").is_visible()
