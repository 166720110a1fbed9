"""Whole-site behaviour in the browser: the copy button, search, and the 404 page."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def first_example(lesson: str) -> str:
    """The first ```{doctest} block of a lesson as a reader would run it: prompts and output gone."""
    text = (ROOT / lesson).read_text(encoding="utf-8")
    block = re.search(r"```\{doctest\}\n(.*?)```", text, re.DOTALL).group(1)
    return "\n".join(line[4:] for line in block.splitlines() if line.startswith((">>> ", "... ")))


def test_the_copy_button_copies_the_code_without_prompts_or_output(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(permissions=["clipboard-read", "clipboard-write"])
    tab.open("week2/day-09.html")
    button = tab.page.locator("div.highlight button.copybtn").first
    button.focus()  # by keyboard: the button shows itself when focused
    button.evaluate("(el) => el.getAnimations().forEach((a) => a.finish())")
    assert button.evaluate("(el) => getComputedStyle(el).opacity") == "1"
    tab.page.keyboard.press("Enter")
    copied = tab.page.evaluate("() => navigator.clipboard.readText()")
    assert copied.strip() == first_example("week2/day-09.md").strip()
    assert ">>>" not in copied and "'backend: it needs a secret'" not in copied


def test_search_for_cron_job_finds_the_lessons_that_teach_it(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab()
    tab.open("search.html?q=cron+job")
    results = tab.page.locator("#search-results ul.search li a")
    tab.page.wait_for_function("() => document.querySelector('#search-results .search-summary')")
    found = {link.split("?")[0].split("#")[0] for link in
             (results.nth(index).get_attribute("href") for index in range(results.count()))}
    assert {"week2/day-09.html", "week3/day-17.html"} <= found
    # Following a result highlights the words on the lesson (Sphinx's highlighter loads there).
    tab.page.locator("#search-results ul.search li a[href^='week3/day-17.html']").first.click()
    tab.page.wait_for_selector("span.highlighted")
    assert "cron" in tab.page.locator("span.highlighted").all_inner_texts()[0].lower()
    assert tab.console_errors == [] and tab.outside_requests == []


def test_a_missing_address_gets_the_404_page_with_its_styles_and_links(
        open_tab: Callable[..., Tab]) -> None:
    tab = open_tab()
    response = tab.open("week2/no-such-lesson.html")
    assert response.status == 404
    assert tab.page.locator("h1").inner_text() == "Page not found"
    # Its stylesheets and links start from the site's root, wherever it is served.
    assert tab.page.evaluate("""() => [...document.querySelectorAll('link[rel=stylesheet]')]
        .every((link) => link.sheet && link.sheet.cssRules.length > 0)""")
    assert tab.page.evaluate("() => getComputedStyle(document.body).getPropertyValue('--color-brand-primary')")
    tab.page.get_by_role("link", name="The course map").click()
    assert tab.page.url == tab.site.url + "index.html"
    unexpected = [error for error in tab.console_errors if "404" not in error]
    assert unexpected == [] and tab.outside_requests == []
