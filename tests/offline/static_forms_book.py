"""A tiny course whose Day 1 holds everything that only works in a browser.

A card's link, a dropdown, a tab set, an icon, a button in raw HTML, and web-only material
with its static fallback: offline, each must show its static form.
"""

from __future__ import annotations

from pathlib import Path

from tests.extension.minibook import lesson, write_minibook

INTERACTIVE = """
::::{card} A card title
:link: /recap
:link-type: doc
:link-alt: HIDDEN LINK WORDS

Card body words.
::::

:::{dropdown} Dropdown title
Dropdown body words.
:::

::::{tab-set}
:::{tab-item} First tab
First tab words.
:::
:::{tab-item} Second tab
Second tab words.
:::
::::

An icon {octicon}`rocket` in a sentence.

```{raw} html
<button onclick="alert('hi')">Press me</button>
```

::::{container} course-web-only
Interactive words.

:::{container} course-static-fallback
Fallback words.
:::
::::
"""

#: Words a reader offline must see: every tab, the dropdown's inside, the fallback.
STATIC_WORDS = ("Dropdown title", "Dropdown body words.", "First tab", "First tab words.",
                "Second tab", "Second tab words.", "Card body words.", "Fallback words.")
#: Words nobody offline may see: the card's hidden link text, the web-only material.
HIDDEN_WORDS = ("HIDDEN LINK WORDS", "Interactive words", "Press me")


def write_static_forms_book(folder: Path) -> Path:
    write_minibook(folder)
    (folder / "week1" / "day-01.md").write_text(lesson(1, 1, next_day=2, body=INTERACTIVE),
                                                encoding="utf-8")
    with (folder / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('copyright = "2026, Shivali & Girish"  # an EPUB 3 needs one\n')
        # This book shows what only works in a browser; the course's lessons may not use it.
        conf.write("course_lesson_directives = ('card', 'dropdown', 'tab-set', 'tab-item', "
                   "'raw', 'container', 'image-slot', 'vocabulary', 'forward-references', "
                   "'wrap-up', 'sign-off')\n"
                   "course_lesson_roles = ('octicon', 'day', 'term')\n")
    return folder
