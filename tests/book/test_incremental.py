"""Incremental and parallel builds give the pages a full build gives.

One copy of the book goes through a text edit and a title change, each rebuilt
incrementally; then a fresh parallel build of the same sources must write the same pages.
(Which pages a rebuild reads and rewrites, on a tiny book: tests/extension/test_rebuild_scope.py.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import ROOT, sphinx_build

sys.path.insert(0, str(ROOT / "tools"))
from project_copy import copy_project  # noqa: E402


def html_pages(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.html")}


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_edits_rebuild_what_they_change_and_match_a_parallel_full_build(tmp_path: Path) -> None:
    book = copy_project(ROOT, tmp_path / "book")
    out = book / "_build" / "html"
    assert sphinx_build(book, out, "html", "-j", "1").returncode == 0

    # A text edit rewrites its own page, not the map or other lessons.
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    lesson = book / "week1" / "day-05.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nOne more plain sentence.\n",
                      encoding="utf-8")
    assert sphinx_build(book, out).returncode == 0
    rewritten = {str(p.relative_to(out)) for p, t in before.items() if p.stat().st_mtime_ns != t}
    assert "week1/day-05.html" in rewritten
    assert "index.html" not in rewritten and "week2/day-09.html" not in rewritten

    # A title change reaches the map, the recap and every link to the lesson.
    old, new = "APIs, the contract between the two sides", "APIs, the handshake between the two sides"
    edit(book / "week2" / "day-10.md", f"title: {old}", f"title: {new}")
    rebuild = sphinx_build(book, out)
    assert rebuild.returncode == 0, rebuild.output
    for page in ("index.html", "week2/index.html", "week2/day-09.html", "week3/day-21.html",
                 "recap.html"):
        text = (out / page).read_text(encoding="utf-8")
        assert new in text and old not in text, f"{page} still shows the old title"

    # What the edits left is what a fresh, parallel build writes.
    parallel = sphinx_build(book, book / "_build" / "j2", "html", "-j", "2")
    assert parallel.returncode == 0, parallel.output
    one, two = html_pages(out), html_pages(parallel.outdir)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
