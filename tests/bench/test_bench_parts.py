"""The bench's own parts on tiny inputs: the plain-course generator and the figures it reads."""

from __future__ import annotations

import gzip
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from bench.figures import docs_read, folder_size, page_weight, pages_written
from bench.plain_course import Words, measure_course, prose_and_code, write_plain_course
from bench.run import (Plain, Project, add_sentence, machine_busy, make_test_verdict,
                       slowest_tests)
from tests.conftest import ROOT, sphinx_in_process
from tests.extension.minibook import WEEK

LESSON = """---
day: {day}
week: {week}
title: Lesson {day}
question: Is this day {day}?
status: draft
---

Opening words for day {day}, see {{day}}`1`.

## A section

More words here.

```{{doctest}}
>>> 1 + 1
2
```

:::{{image-slot}} /images/day-{day:02d}.*
:alt: Alt text is not prose.

An image.
:::

:::{{vocabulary}}
Alpha
   The first letter.

Beta
   The second letter, after alpha.
:::

:::{{wrap-up}}
- Say one.
- Do two.
- Mind three.
:::
"""



def tiny_course(folder: Path) -> Path:
    files = {
        "week1/day-01.md": LESSON.format(day=1, week=1),
        "week2/day-02.md": LESSON.format(day=2, week=2),
        "week1/index.md": WEEK.format(week=1),
        "week2/index.md": WEEK.format(week=2),
        "essay.md": "---\ntitle: An essay\nstatus: draft\n---\n\nThe essay says six words here.\n",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_prose_leaves_out_front_matter_code_and_directive_syntax() -> None:
    words, code_lines = prose_and_code(LESSON.format(day=3, week=1))
    assert code_lines == 2  # the doctest's two lines; fences and directives are not code
    assert words[:6] == ["Opening", "words", "for", "day", "3", "see"]
    assert "Day" in words  # {day}`1` reads "Day 1"
    for not_prose in ("draft", "Alt", "doctest", "vocabulary", "image-slot"):
        assert not_prose not in words
    assert {"Alpha", "first", "Mind"} <= set(words)


def test_measure_course_finds_pages_words_and_parts(tmp_path: Path) -> None:
    shape, pool = measure_course(tiny_course(tmp_path))
    assert [page.docname for page in shape.lessons] == ["week1/day-01", "week2/day-02"]
    first = shape.lessons[0]
    assert first.title == "Lesson 1"
    assert first.code_lines == 2 and first.terms == 2
    assert first.term_words == len("The first letter. The second letter, after alpha.".split())
    assert first.wrap_words == 6
    assert shape.essay.title == "An essay" and shape.essay.words == 6
    assert shape.week_words == 3
    assert len(pool) == sum(page.words for page in shape.lessons) + shape.essay.words


def test_words_deal_the_whole_pool_before_repeating() -> None:
    pool = ["a", "b", "b", "c", "d", "e"]
    words = Words(pool, seed=1)
    assert Counter(words.take(len(pool))) == Counter(pool)
    assert Words(pool, seed=1).take(20) == Words(pool, seed=1).take(20)


def test_plain_course_has_the_real_shape_and_builds_strictly(tmp_path: Path) -> None:
    shape, pool = measure_course(tiny_course(tmp_path / "real"))
    plain = tmp_path / "plain"
    written = write_plain_course(plain, shape, pool)
    names = sorted(str(path.relative_to(plain)) for path in written)
    assert names == ["conf.py", "essay.md", "glossary.md", "index.md", "recap.md",
                     "week1/day-01.md", "week1/index.md", "week2/day-02.md", "week2/index.md"]
    conf: dict[str, object] = {}
    exec((plain / "conf.py").read_text(encoding="utf-8"), conf)
    assert conf["extensions"] == ["myst_parser", "sphinx_design"] and conf["html_theme"] == "furo"
    lesson = (plain / "week1" / "day-01.md").read_text(encoding="utf-8")
    assert lesson.startswith("# Lesson 1\n") and lesson.count("```pycon") == 1
    glossary = (plain / "glossary.md").read_text(encoding="utf-8")
    assert glossary.count("Introduced on") == 4  # two terms from each lesson
    result = sphinx_in_process(plain, plain / "_build" / "html")
    assert result.returncode == 0, result.output
    assert sorted(pages_written(result.output)) == ["essay", "glossary", "index", "recap",
                                                    "week1/day-01", "week1/index",
                                                    "week2/day-02", "week2/index"]


SPHINX_OUTPUT = """Running Sphinx v9.0.4
updating environment: 0 added, 1 changed, 0 removed
\x1b[01mreading sources... \x1b[39;49;00m[100%] week2/day-09
looking for now-outdated files... none found
writing output... [ 50%] week2/day-09\rwriting output... [100%] week2/index
generating indices... genindex done
"""


def test_progress_lines_give_pages_read_and_written() -> None:
    assert docs_read(SPHINX_OUTPUT) == ["week2/day-09"]
    assert pages_written(SPHINX_OUTPUT) == ["week2/day-09", "week2/index"]
    assert pages_written("build succeeded.\n") == []


def test_page_weight_counts_the_page_and_its_local_css_and_js(tmp_path: Path) -> None:
    static = tmp_path / "_static"
    static.mkdir()
    (static / "a.css").write_text("body { color: red; }\n" * 40)
    (static / "b.js").write_text("console.log(1);\n" * 30)
    page = tmp_path / "week" / "page.html"
    page.parent.mkdir()
    page.write_text(
        '<html><head><link rel="stylesheet" href="../_static/a.css?v=1">'
        '<link rel="stylesheet" href="https://example.org/remote.css">'
        '<link rel="icon" href="../_static/favicon.png">'
        '<script src="../_static/b.js"></script><script src="../_static/gone.js"></script>'
        "</head><body>Hi</body></html>")
    weight = page_weight(page)
    files = [page, static / "a.css", static / "b.js"]
    assert [path.name for path in weight.files] == ["page.html", "a.css", "b.js"]
    assert (weight.css, weight.js) == (1, 1)
    assert weight.raw == sum(path.stat().st_size for path in files)
    assert weight.gzipped == sum(len(gzip.compress(path.read_bytes(), 6, mtime=0)) for path in files)
    assert weight.missing == ("../_static/gone.js",)


def test_folder_size_can_leave_out_doctrees(tmp_path: Path) -> None:
    (tmp_path / ".doctrees").mkdir()
    (tmp_path / ".doctrees" / "x.doctree").write_bytes(b"x" * 100)
    (tmp_path / "index.html").write_bytes(b"y" * 10)
    assert folder_size(tmp_path) == 110
    assert folder_size(tmp_path, skip=(".doctrees",)) == 10


def test_edits_change_one_paragraph_or_the_title(tmp_path: Path) -> None:
    real = LESSON.format(day=9, week=2)
    edited = add_sentence(real)
    assert edited.count("One more plain sentence.") == 1
    assert "see {day}`1`. One more plain sentence.\n" in edited
    assert "title: Lesson 9, revised\n" in Project(tmp_path).retitle(real)
    assert Plain(tmp_path).retitle("# Lesson 9\n\nText.\n").startswith("# Lesson 9, revised\n")


def test_make_targets_are_found_without_running_them(tmp_path: Path) -> None:
    # A dry run (`make -n`) would still run the $(MAKE) line and fail on the missing folder.
    (tmp_path / "Makefile").write_text("pdf:\n\t$(MAKE) -C missing-folder all-pdf\n")
    project = Project(tmp_path)
    assert project.has_target("pdf")
    assert not project.has_target("epub")
    assert not (tmp_path / "missing-folder").exists()


def test_make_test_budget_uses_wall_time_only_on_a_quiet_machine() -> None:
    record = {"seconds": 300.0, "cpu_seconds": 230.0, "cores": 2, "passed": True,
              "when": "today", "commit": "abc"}
    quiet = make_test_verdict({**record, "others_cores": 0.1})
    assert quiet.ok is False and "300 s wall" in quiet.text
    busy = make_test_verdict({**record, "others_cores": 1.4})
    assert busy.ok is True and "230 s CPU (115 s a core)" in busy.text and "not comparable" in busy.text
    unknown = make_test_verdict(record)  # a record from before others' share was measured
    assert unknown.ok is True and "unrecorded" in unknown.text


def test_machine_busy_time_grows_with_work() -> None:
    before = machine_busy(["cpu"])
    started = time.process_time()
    while time.process_time() - started < 0.3:
        pass
    assert machine_busy(["cpu"]) - before >= 0.25


def test_slowest_tests_come_from_the_pytest_durations_table() -> None:
    output = ("tests/a.py ..\n"
              "============================= slowest 10 durations =============================\n"
              "12.01s setup    tests/build/test_book.py::test_strict\n"
              "3.50s call     tests/unit/test_x.py::test_y\n"
              "\n"
              "(8 durations < 0.005s hidden.)\n"
              "======================== 2 passed in 15.60s ========================\n")
    assert slowest_tests(output) == ["12.01s setup    tests/build/test_book.py::test_strict",
                                     "3.50s call     tests/unit/test_x.py::test_y"]
    assert slowest_tests("2 passed\n") == []


ORPHAN_CPU = """
import sys
from pathlib import Path
from bench.run import adopt_orphans, timed
burn = "import time\\nt = time.process_time()\\nwhile time.process_time() - t < 0.3: pass"
left_behind = ["sh", "-c", f"(python3 -c '{burn}' &); exit 0"]  # as browsers outlive their parent
adopt = sys.argv[1] == "adopt"
if adopt:
    assert adopt_orphans()
print(timed(left_behind, Path(".")).timing.cpu)
"""


def test_cpu_seconds_include_processes_their_parent_left_behind() -> None:
    def cpu(mode: str) -> float:
        done = subprocess.run([sys.executable, "-c", ORPHAN_CPU, mode], cwd=ROOT,
                              capture_output=True, text=True, check=True)
        return float(done.stdout)

    assert cpu("adopt") >= 0.25
    assert cpu("plain") < 0.1  # what RUSAGE_CHILDREN alone sees
