"""With the keyboard alone: Tab reaches every control, each shows a focus ring you can see,
and Enter and Space work them: widget answers, drawers, navigation sections, progress, copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import Tab

pytestmark = pytest.mark.slow

#: Marks every control a reader can see; returns how many.
MARK_CONTROLS = """() => {
  const controls = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
    .filter((el) => el.tabIndex >= 0 && !el.disabled && el.checkVisibility({visibilityProperty: true})
                    && el.getBoundingClientRect().width > 0);
  controls.forEach((el, index) => { el.dataset.control = index; });
  return controls.map((el) => `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40)}`);
}"""
#: What has focus now, and whether a reader sees it: on screen, not see-through, with a focus
#: ring (an outline of at least 2 px, or a shadow).
FOCUSED = """() => {
  const el = document.activeElement;
  if (el === document.body) return {control: null, ring: false, label: 'BODY'};
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const onScreen = box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight
                   && el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const ring = onScreen && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
                            || style.boxShadow !== 'none');
  return {control: el.dataset.control ?? null, ring, label: el.tagName + ' ' + (el.textContent || '').trim().slice(0, 40)};
}"""


def tab_through(page: Any, limit: int) -> list[dict]:
    """Press Tab until focus leaves the page (or `limit` presses): what was focused, in order."""
    seen: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        try:  # smooth scrolling and the skip link's slide-in take a moment
            page.wait_for_function(f"() => ({FOCUSED})().ring || document.activeElement === document.body",
                                   timeout=1500)
        except PlaywrightTimeout:
            pass
        focused = page.evaluate(FOCUSED)
        if focused["label"] == "BODY" or (seen and focused["control"] == seen[0]["control"]):
            break  # past the last control, focus goes back to the browser
        seen.append(focused)
    return seen


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("path", ["index.html", "week2/day-09.html", "week3/day-16.html"])
def test_tab_reaches_every_control_and_shows_where_it_is(open_tab: Callable[..., Tab], path: str,
                                                         size: str) -> None:
    tab = open_tab(size=size, reduced_motion="reduce")  # no smooth scrolling to wait for
    tab.open(path)
    controls = tab.page.evaluate(MARK_CONTROLS)
    seen = tab_through(tab.page, len(controls) + 10)
    reached = {focused["control"] for focused in seen}
    missed = [label for index, label in enumerate(controls) if str(index) not in reached]
    assert missed == [], f"Tab never reaches: {missed}"
    no_ring = sorted({focused["label"] for focused in seen if not focused["ring"]})
    assert no_ring == [], f"focused without a visible ring: {no_ring}"


def test_the_phone_menu_opens_and_closes_from_the_keyboard(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(size="phone")
    tab.open("week2/day-09.html")
    page = tab.page
    menu = page.locator(".nav-overlay-icon")
    sidebar_link = page.locator(".sidebar-drawer a", has_text="Glossary")
    assert menu.get_attribute("aria-expanded") == "false"
    assert not sidebar_link.is_visible()  # a closed drawer is out of the Tab order
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    page.wait_for_function("() => getComputedStyle(document.querySelector('.sidebar-drawer')).left === '0px'")
    assert sidebar_link.is_visible()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == "Glossary":
            break
    else:
        pytest.fail("Tab did not reach the drawer's links")
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.classList.contains('nav-overlay-icon')")
    menu.press("Space")
    assert menu.get_attribute("aria-expanded") == "true"


def test_navigation_sections_expand_with_enter_and_space(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab()
    tab.open("index.html")
    expander = tab.page.get_by_role("button", name="Toggle navigation of Week 3 · The Launch")
    assert expander.get_attribute("aria-expanded") == "false"
    expander.press("Enter")
    assert expander.get_attribute("aria-expanded") == "true"
    assert tab.page.locator(".sidebar-tree a", has_text="Secrets and safety").is_visible()
    expander.press("Space")
    assert expander.get_attribute("aria-expanded") == "false"


def test_the_widget_answers_with_enter_and_space(open_tab: Callable[..., Tab]) -> None:
    tab = open_tab()
    tab.open("week2/day-09.html")
    widget = tab.page.locator(".course-decision-form")
    widget.locator(".course-decision-step").nth(0).get_by_role("button", name="No").press("Enter")
    widget.locator(".course-decision-step").nth(1).get_by_role("button", name="No").press("Space")
    widget.locator(".course-decision-step").nth(2).get_by_role("button", name="Yes").press("Enter")
    assert widget.locator("[role=status]").inner_text() == "Backend: it is heavy work"
    widget.get_by_role("button", name="Start again").press("Space")
    assert widget.locator(".course-decision-step").count() == 1
    # Focus goes back to the first question, ready for the next try.
    assert tab.page.evaluate("() => document.activeElement.textContent") == "Yes"
    tab.page.locator("summary", has_text="case by case").press("Enter")
    assert tab.page.locator(".course-decision-cases table").is_visible()
