"""Incremental and parallel builds give the pages a full, serial build gives."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, sphinx_build

IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "node_modules", "tests", "__pycache__")


@pytest.fixture()
def book(tmp_path: Path) -> Path:
    copy = tmp_path / "book"
    shutil.copytree(ROOT, copy, ignore=IGNORE)
    return copy


def html_pages(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.html")}


def test_title_change_updates_map_and_links_elsewhere(book: Path) -> None:
    out = book / "_build" / "html"
    assert sphinx_build(book, out).returncode == 0
    lesson = book / "week2" / "day-10.md"
    old = "APIs, the contract between the two sides"
    new = "APIs, the handshake between the two sides"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace(f"title: {old}", f"title: {new}"),
                      encoding="utf-8")
    rebuild = sphinx_build(book, out)
    assert rebuild.returncode == 0, rebuild.output
    for page in ("index.html", "week2/index.html", "week2/day-09.html", "week3/day-21.html",
                 "recap.html"):
        text = (out / page).read_text(encoding="utf-8")
        assert new in text, f"{page} still shows the old title"
        assert old not in text, f"{page} still shows the old title"


def test_text_edit_rewrites_only_that_page(book: Path) -> None:
    out = book / "_build" / "html"
    assert sphinx_build(book, out).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    lesson = book / "week1" / "day-05.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nOne more plain sentence.\n",
                      encoding="utf-8")
    assert sphinx_build(book, out).returncode == 0
    rewritten = {str(p.relative_to(out)) for p, t in before.items() if p.stat().st_mtime_ns != t}
    assert "week1/day-05.html" in rewritten
    assert "index.html" not in rewritten and "week2/day-09.html" not in rewritten


def test_parallel_build_gives_the_same_pages(book: Path) -> None:
    serial, parallel = book / "_build" / "j1", book / "_build" / "j2"
    assert sphinx_build(book, serial, "html", "-j", "1").returncode == 0
    result = sphinx_build(book, parallel, "html", "-j", "2")
    assert result.returncode == 0, result.output
    one, two = html_pages(serial), html_pages(parallel)
    assert one.keys() == two.keys()
    differing = [name for name in one if one[name] != two[name]]
    assert differing == []
