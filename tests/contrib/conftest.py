"""One broken copy of the book, checked once, for the `make check` and CONTRIBUTING.md tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, once_per_run

sys.path.insert(0, str(ROOT / "tools"))
from project_copy import copy_project  # noqa: E402

GUIDE = ROOT / "CONTRIBUTING.md"


def run_check(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`tools/check.py` (what `make check` runs) on the project at `root`."""
    return subprocess.run([sys.executable, str(ROOT / "tools" / "check.py"), "--root", str(root)],
                          capture_output=True, text=True, timeout=900,
                          env={**os.environ, **env})


def minimal_lesson() -> str:
    """The lesson CONTRIBUTING.md tells authors to copy."""
    text = GUIDE.read_text(encoding="utf-8")
    after = text[text.index("<!-- minimal-lesson"):]
    return re.search(r"^````markdown\n(.*?)^````$", after, re.MULTILINE | re.DOTALL).group(1)


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {path}; update the fixture"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class CheckedCopy:
    book: Path
    done: subprocess.CompletedProcess[str]
    minimal_lesson: str  # the path CONTRIBUTING.md's lesson was written to


@pytest.fixture(scope="session")
def broken_copy(tmp_path_factory: pytest.TempPathFactory) -> CheckedCopy:
    """The book with five kinds of problem in Days 9 and 10, and Day 13 replaced by the guide's
    minimal lesson, checked once per test run as GitHub Actions would."""
    return once_per_run(tmp_path_factory, "broken", check_broken_copy)


def check_broken_copy(folder: Path) -> CheckedCopy:
    book = copy_project(ROOT, folder / "book")
    day10 = book / "week2" / "day-10.md"
    text = day10.read_text(encoding="utf-8")
    heading = text.index("\n## ")
    day10.write_text(text[:heading] + "\n\nDay 3 told you teh two places code runs.\n\n"
                     ":::{image-slott} /images/x.*\n:::\n" + text[heading:], encoding="utf-8")
    day9 = book / "week2" / "day-09.md"
    replace_once(day9, "'backend: it needs a secret'", "'backend: a secret'")
    replace_once(day9, ">>> len(likes)\n2", ">>> len(likes)\n2\n>>> unliked_photos\n[]")

    lesson = minimal_lesson()
    day = int(re.search(r"^day: (\d+)$", lesson, re.MULTILINE).group(1))
    week = int(re.search(r"^week: (\d+)$", lesson, re.MULTILINE).group(1))
    target = f"week{week}/day-{day:02d}.md"
    (book / target).write_text(lesson, encoding="utf-8")
    return CheckedCopy(book, run_check(book, GITHUB_ACTIONS="true"), target)
