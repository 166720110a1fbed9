""""Last updated" on lessons, from git (sphinx-last-updated-by-git); none without history."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import sphinx_build
from tests.extension.minibook import write_minibook

FOOTER = re.compile(r"Last updated on ([^.<]+)")
MARCH_2024 = "2024-03-05T12:00:00+00:00"
JANUARY_2025 = "2025-01-02T08:00:00+00:00"
FEBRUARY_2025 = "2025-02-03T09:00:00+00:00"
#: The book's own settings (conf.py) for the dates, added to the tiny course's.
DATES_CONF = """
extensions.insert(0, "sphinx_last_updated_by_git")
html_last_updated_fmt = "%-d %B %Y"
git_last_updated_timezone = "UTC"
git_last_updated_metatags = False
suppress_warnings = ["git.subprocess_error", "git.command_not_found"]
"""
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="{w}" height="10"/></svg>'


def last_updated(page: Path) -> str | None:
    found = FOOTER.search(page.read_text(encoding="utf-8"))
    return found.group(1).strip() if found else None


def dated_minibook(folder: Path) -> Path:
    book = write_minibook(folder)
    with (book / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(DATES_CONF)
    return book


def commit(book: Path, message: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}
    for command in (["git", "add", "-A"], ["git", "commit", "-q", "-m", message]):
        subprocess.run(command, cwd=book, env=env, check=True, capture_output=True)


def test_lessons_are_dated_by_their_file_or_their_image(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed (apt-get install git)")
    book = dated_minibook(tmp_path / "book")
    image = book / "images" / "day-01.svg"
    image.parent.mkdir()
    image.write_text(SVG.format(w=5), encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=book, check=True)
    commit(book, "the course", MARCH_2024)
    day2 = book / "week2" / "day-02.md"
    day2.write_text(day2.read_text(encoding="utf-8").replace("Words.", "More words."))
    commit(book, "day 2 rewritten", JANUARY_2025)
    image.write_text(SVG.format(w=8), encoding="utf-8")
    commit(book, "day 1's picture redrawn", FEBRUARY_2025)

    build = sphinx_build(book, tmp_path / "html", "html")
    assert build.returncode == 0, build.output
    assert last_updated(build.outdir / "week2" / "day-02.html") == "2 January 2025"
    # Day 1's file is from March 2024, its picture from February 2025.
    assert last_updated(build.outdir / "week1" / "day-01.html") == "3 February 2025"
    for generated in ("index.html", "glossary.html", "recap.html", "week1/index.html"):
        assert last_updated(build.outdir / generated) is None, generated


def test_without_git_history_no_page_is_dated(tmp_path: Path) -> None:
    book = dated_minibook(tmp_path / "tarball")  # no .git: a source tarball
    build = sphinx_build(book, tmp_path / "html", "html",
                         env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})  # no repository around it
    assert build.returncode == 0, build.output  # strict, yet no warning about git
    assert last_updated(build.outdir / "week1" / "day-01.html") is None
