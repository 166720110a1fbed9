"""Runs of six words that three or more pages share: the marks of a stock formula.

The sign-off's shape ("See you on Day N, where we look at ...") is the course's on purpose
and is left out. `tools/style.py` prints the runs for `make check`.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordcount import prose_lines  # noqa: E402

RUN = 6
PAGES = 3
WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")


def course_pages(root: Path = ROOT) -> list[Path]:
    return [root / "essay.md", *sorted(root.glob("week[0-9]/day-*.md"))]


def runs_by_page(pages: list[Path]) -> dict[tuple[str, ...], dict[Path, int]]:
    """Each six-word run, and the first line it is on in each page that has it.

    Runs come in the order they first appear, page by page (dicts keep insertion order).
    """
    found: dict[tuple[str, ...], dict[Path, int]] = defaultdict(dict)
    for page in pages:
        words: list[tuple[str, int]] = []
        for number, line in prose_lines(page, skip_sign_off=True):
            words += [(word, number) for word in WORD.findall(line.lower())]
        for start in range(len(words) - RUN + 1):
            run = tuple(word for word, _ in words[start:start + RUN])
            found[run].setdefault(page, words[start][1])
    return found


def repeated_runs(pages: list[Path]) -> list[tuple[tuple[str, ...], dict[Path, int]]]:
    """Repeated runs, overlapping ones on the same pages joined into one longer phrase."""
    shared = [(run, where) for run, where in runs_by_page(sorted(pages)).items()
              if len(where) >= PAGES]
    joined: list[tuple[tuple[str, ...], dict[Path, int]]] = []
    for run, where in shared:
        if joined:
            last, last_where = joined[-1]
            overlap = next((size for size in range(RUN - 1, 0, -1)
                            if last[-size:] == run[:size]), 0)
            if overlap and set(where) == set(last_where):
                joined[-1] = (last + run[overlap:], last_where)
                continue
        joined.append((run, where))
    return joined
