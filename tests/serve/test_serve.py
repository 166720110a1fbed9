"""`make serve` on a small course: broken edits keep the last good page; site changes rebuild all.

The course is the project's own machinery (conf.py, _ext/, _static/, _templates/) with the
tests' two-lesson mini course as its content, so each full rebuild takes a second, not ten.
One server for the module, on 127.0.0.1 and a free port, stopped by its process-group id.
"""

from __future__ import annotations

import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from preview_server import PreviewServer, wait_until  # noqa: E402
from tests.extension.minibook import write_minibook  # noqa: E402

pytestmark = pytest.mark.slow
LESSON = "week2/day-02.md"
PAGE = "week2/day-02.html"
OTHER_LESSON, OTHER_PAGE = "week1/day-01.md", "week1/day-01.html"
MACHINERY = ("conf.py", "_ext", "_static", "_templates")


def small_course(folder: Path) -> Path:
    """The mini course's pages, built by the project's conf.py and extension."""
    write_minibook(folder)
    for name in MACHINERY:
        source, target = ROOT / name, folder / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    with (folder / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\ncourse_days = 2\ncourse_weeks = {1: "The Start", 2: "The End"}\n')
    return folder
PROBLEM_LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+): (?P<message>.+)$", re.MULTILINE)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PreviewServer]:
    folder = tmp_path_factory.mktemp("serve")
    book = small_course(folder / "book")
    with PreviewServer(book, folder / "serve.log") as running:
        running.wait_ready()
        yield running


def builds_done(server: PreviewServer) -> int:
    """Builds finished so far, good or broken."""
    return len(re.findall(r"^\[serve\] (built in|\d+ problems?:)", server.output(), re.MULTILINE))


def save_and_wait(server: PreviewServer, path: Path, text: str) -> str:
    """Write `text` to `path`, wait for the build it starts, and return what it printed."""
    before, printed = builds_done(server), len(server.output())
    path.write_text(text, encoding="utf-8")
    wait_until(lambda: builds_done(server) > before, 120, f"a build after saving {path.name}")
    return server.output()[printed:]


def with_paragraph(text: str, paragraph: str) -> str:
    heading = text.index("\n## ")
    return f"{text[:heading]}\n\n{paragraph}\n{text[heading:]}"


def test_a_broken_edit_keeps_the_last_good_page_until_the_fix(server: PreviewServer) -> None:
    lesson = server.srcdir / LESSON
    original = lesson.read_text(encoding="utf-8")

    save_and_wait(server, lesson, with_paragraph(original, "First good edit."))
    assert "First good edit." in server.fetch(PAGE)

    broken = with_paragraph(original, "A broken edit.\n\n:::{image-slott} /images/x.*\n:::\n")
    printed = save_and_wait(server, lesson, broken)
    problems = PROBLEM_LINE.findall(printed)
    directive_line = broken.splitlines().index(":::{image-slott} /images/x.*") + 1
    assert (LESSON, str(directive_line)) in {(path, line) for path, line, _ in problems}, printed
    assert all("(" in message and message.endswith(")") for _, _, message in problems), printed
    assert "Traceback" not in printed
    page = server.fetch(PAGE)
    assert "First good edit." in page and "A broken edit." not in page

    # An edit to another lesson does not publish the broken one meanwhile.
    other = server.srcdir / OTHER_LESSON
    other_text = other.read_text(encoding="utf-8")
    save_and_wait(server, other, with_paragraph(other_text, "Elsewhere."))
    assert "A broken edit." not in server.fetch(PAGE)

    printed = save_and_wait(server, lesson, with_paragraph(original, "The fixed edit."))
    assert not PROBLEM_LINE.findall(printed), printed
    assert "The fixed edit." in server.fetch(PAGE)
    assert "Elsewhere." in server.fetch(OTHER_PAGE)
    save_and_wait(server, other, other_text)
    save_and_wait(server, lesson, original)


def html_times(served: Path) -> dict[Path, int]:
    return {page: page.stat().st_mtime_ns for page in served.rglob("*.html")
            if page.parent.name != "_static"}


@pytest.mark.parametrize("changed", ["_ext/course/nodes.py", "_static/course.css",
                                     "_templates/serve-test.html", "conf.py"])
def test_a_site_change_rebuilds_every_page(server: PreviewServer, changed: str) -> None:
    served = server.srcdir / "_build" / "serve"
    before = html_times(served)
    assert len(before) >= 8  # the lessons, week pages, map, glossary, recap, search, 404
    path = server.srcdir / changed
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    comment = ".serve-test-changed { color: inherit; }" if changed.endswith(".css") else (
        "{# changed by the serve test #}" if changed.endswith(".html")
        else "# changed by the serve test")
    path.parent.mkdir(parents=True, exist_ok=True)  # _templates/ may not exist yet
    printed = save_and_wait(server, path, text + f"\n{comment}\n")
    assert "[serve] built in" in printed, printed
    after = html_times(served)
    stale = sorted(str(page.relative_to(served)) for page in before if after[page] <= before[page])
    assert not stale, f"not rewritten after {changed} changed: {stale}"
    if changed.startswith("_static"):
        assert comment in server.fetch("_static/course.css")


def status_for_host(server: PreviewServer, host: str) -> int:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(server.url, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_preview_answers_only_this_machines_names(server: PreviewServer) -> None:
    port = server.port
    assert status_for_host(server, f"127.0.0.1:{port}") == 200
    assert status_for_host(server, f"localhost:{port}") == 200
    # A rebinding page's own name, resolved to 127.0.0.1, is refused.
    assert status_for_host(server, f"evil.example:{port}") == 400


@pytest.mark.parametrize(("changed", "mistake"), [
    ("conf.py", "project = (\n"),  # a syntax error
    ("_ext/course/nodes.py", "raise RuntimeError('a mistake in the extension')\n"),
])
def test_a_machinery_mistake_is_reported_at_once_and_its_fix_taken_on_the_first_save(
        server: PreviewServer, changed: str, mistake: str) -> None:
    path = server.srcdir / changed
    original = path.read_text(encoding="utf-8")
    broken = original + "\n" + mistake
    printed = save_and_wait(server, path, broken)
    problems = PROBLEM_LINE.findall(printed)
    assert len(problems) == 1, printed
    assert problems[0][0] == changed, printed
    assert "Traceback" not in printed

    # An author reads the line before fixing it; meanwhile the standby worker for the next
    # edit has read the broken file. The fix must reach the very next build all the same.
    time.sleep(4)
    printed = save_and_wait(server, path, original)
    assert "[serve] built in" in printed, printed
    assert not PROBLEM_LINE.findall(printed), printed
