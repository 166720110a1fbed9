"""A tiny course (two days, two weeks) written into a temp folder, to break one way at a time."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CONF = f"""
import sys
sys.path.insert(0, {str(ROOT / "_ext")!r})
project = "Mini course"
author = "Shivali & Girish"
version = "1"
extensions = ["myst_parser", "sphinx_design", "sphinx.ext.doctest", "course"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_title_to_header = True
html_theme = "basic"
course_days = 2
course_weeks = {{1: "The Start", 2: "The End"}}
"""

INDEX = """# Mini course

:::{course-map}
:::

```{toctree}
week1/index
week2/index
glossary
recap
```
"""

WEEK = """---
week: {week}
---

The week's intro.

```{{toctree}}
:glob:

day-*
```
"""


def lesson(day: int, week: int, *, title: str | None = None, question: str = "Is this a question?",
           status: str = "draft", body: str = "", next_day: int | None = None,
           terms: tuple[str, ...] = ("Alpha", "Beta", "Gamma")) -> str:
    words = "\n\n".join(f"{term}{day}\n   The meaning of {term.lower()}." for term in terms)
    sign_off = f"See you on {{day}}`{next_day}#a-section`." if next_day else "That is the course."
    return f"""---
day: {day}
week: {week}
title: {title or f"Lesson {day}, a test"}
question: {question}
status: {status}
---

The opening.

## A section

Words.
{body}
:::{{image-slot}} /images/day-{day:02d}.*
:alt: A picture of day {day}.
:caption: Day {day} in a picture.

Draw something.
:::

:::{{vocabulary}}
{words}
:::

:::{{forward-references}}
Later days.
:::

:::{{wrap-up}}
- Say this.
- Do that.
- Mind this.
:::

:::{{sign-off}}
{sign_off}
:::
"""


def write_minibook(folder: Path) -> Path:
    """A clean two-day course; tests then change one file to break it."""
    files = {
        "conf.py": CONF,
        "index.md": INDEX,
        "glossary.md": "# Glossary\n\n:::{course-glossary}\n:::\n",
        "recap.md": "# Recap\n\n:::{course-recap}\n:::\n",
        "week1/index.md": WEEK.format(week=1),
        "week2/index.md": WEEK.format(week=2),
        "week1/day-01.md": lesson(1, 1, next_day=2),
        "week2/day-02.md": lesson(2, 2),
    }
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder
