"""A glossary term explains itself where it stands: its definition shows on hover, on keyboard
focus and on a first tap, is the link's accessible description, and the link still leads to it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.slow

PAGE = "week3/day-16.html"  # links "server", "database", "frontend", "host", "browser", "secret"


def definition_at(tab: Tab, href: str) -> str:
    """The definition the term's link leads to, as the vocabulary sweep there shows it."""
    tab.page.goto(tab.site.url + "week3/" + href)
    anchor = href.split("#", 1)[1]
    return " ".join(tab.page.locator(f"dt[id='{anchor}'] + dd").inner_text().split())


def test_hover_and_focus_show_the_definition_and_the_link_still_leads_to_it(
        open_tab: Callable[..., Tab]) -> None:
    tab = open_tab()
    tab.open(PAGE)
    term = tab.page.locator(".course-term", has_text="server").first
    link, tip = term.locator("a"), term.locator("[role=tooltip]")
    assert not tip.is_visible()
    assert link.get_attribute("aria-describedby") == tip.get_attribute("id")

    link.hover()
    assert tip.is_visible()
    text = tip.inner_text().strip()
    tab.page.mouse.move(0, 0)
    assert not tip.is_visible()

    link.focus()
    assert tip.is_visible()
    tab.page.keyboard.press("Escape")
    assert not tip.is_visible()  # dismissed, focus stays on the link
    assert tab.page.evaluate("() => document.activeElement.closest('.course-term') !== null")

    href = link.get_attribute("href")
    assert "#term-" in href
    link.click()
    assert tab.page.url.endswith(href.split("/")[-1])
    assert definition_at(tab, href).startswith(text.rstrip("…"))
    assert tab.console_errors == [] and tab.outside_requests == []


def test_on_a_touch_screen_the_first_tap_shows_and_the_second_follows(
        open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(size="phone", has_touch=True, is_mobile=True)
    tab.open(PAGE)
    term = tab.page.locator(".course-term", has_text="server").first
    link, tip = term.locator("a"), term.locator("[role=tooltip]")
    link.scroll_into_view_if_needed()
    link.tap()
    assert tip.is_visible()
    assert tab.page.url.endswith(PAGE)
    link.tap()
    tab.page.wait_for_url("**/day-03.html#term-Server")


def test_tips_stay_inside_a_phone_screen(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(size="phone")
    tab.open(PAGE)
    for index in range(tab.page.locator(".course-term a").count()):
        term = tab.page.locator(".course-term").nth(index)
        term.locator("a").focus()
        box = term.locator("[role=tooltip]").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375, index
        assert tab.page.evaluate("() => document.documentElement.scrollWidth") <= 375
