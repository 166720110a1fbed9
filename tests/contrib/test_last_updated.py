""""Last updated" on lessons: from git history with one `git log`, else from the file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import sphinx_build
from tests.unit.minibook import write_minibook

FOOTER = re.compile(r"Last updated on ([^.<]+)")
MARCH_2024 = "2024-03-05T12:00:00+00:00"
JANUARY_2025 = "2025-01-02T08:00:00+00:00"


def last_updated(page: Path) -> str | None:
    found = FOOTER.search(page.read_text(encoding="utf-8"))
    return found.group(1).strip() if found else None


def commit(book: Path, message: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}
    for command in (["git", "add", "-A"], ["git", "commit", "-q", "-m", message]):
        subprocess.run(command, cwd=book, env=env, check=True, capture_output=True)


@pytest.fixture
def counting_git(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """PATH with a `git` that notes each call, then runs the real git."""
    real = shutil.which("git")
    if real is None:
        pytest.skip("git is not installed (apt-get install git)")
    folder, log = tmp_path / "bin", tmp_path / "git-calls.log"
    folder.mkdir()
    wrapper = folder / "git"
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}, log


def test_dates_come_from_git_with_one_call_for_the_whole_book(tmp_path, counting_git) -> None:
    env, calls = counting_git
    book = write_minibook(tmp_path / "book")
    subprocess.run(["git", "init", "-q"], cwd=book, check=True)
    commit(book, "the course", MARCH_2024)
    day2 = book / "week2" / "day-02.md"
    day2.write_text(day2.read_text(encoding="utf-8").replace("Words.", "More words."))
    commit(book, "day 2 rewritten", JANUARY_2025)

    build = sphinx_build(book, tmp_path / "html", "html", env=env)
    assert build.returncode == 0, build.output
    assert last_updated(build.outdir / "week1" / "day-01.html") == "5 March 2024"
    assert last_updated(build.outdir / "week2" / "day-02.html") == "2 January 2025"
    assert last_updated(build.outdir / "index.html") is None  # lessons only
    log_calls = [line for line in calls.read_text().splitlines() if " log " in f" {line} "]
    assert len(log_calls) == 1, log_calls


def test_without_git_history_the_file_date_is_used_and_clamped(tmp_path, counting_git) -> None:
    env, _ = counting_git
    book = write_minibook(tmp_path / "tarball")  # no .git: a source tarball
    july_2023 = 1689292800  # 14 July 2023, 00:00 UTC
    os.utime(book / "week1" / "day-01.md", (july_2023, july_2023))
    env = {**env, "GIT_CEILING_DIRECTORIES": str(tmp_path)}  # never a git repo around it

    build = sphinx_build(book, tmp_path / "html", "html", env=env)
    assert build.returncode == 0, build.output
    assert last_updated(build.outdir / "week1" / "day-01.html") == "14 July 2023"

    # A reproducible build pins every later date to SOURCE_DATE_EPOCH.
    june_2020 = 1591574400  # 8 June 2020
    pinned = sphinx_build(book, tmp_path / "pinned", "html",
                          env={**env, "SOURCE_DATE_EPOCH": str(june_2020)})
    assert pinned.returncode == 0, pinned.output
    assert last_updated(pinned.outdir / "week1" / "day-01.html") == "8 June 2020"
    assert last_updated(pinned.outdir / "week2" / "day-02.html") == "8 June 2020"
