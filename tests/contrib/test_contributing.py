"""CONTRIBUTING.md stays true: its minimal lesson builds cleanly, and it documents every directive."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "_ext"))
from course.parts import DIRECTIVES  # noqa: E402
from project_copy import copy_project  # noqa: E402

GUIDE = ROOT / "CONTRIBUTING.md"


def minimal_lesson() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    after = text[text.index("<!-- minimal-lesson"):]
    return re.search(r"^````markdown\n(.*?)^````$", after, re.MULTILINE | re.DOTALL).group(1)


def test_the_minimal_lesson_has_no_problems(tmp_path: Path) -> None:
    lesson = minimal_lesson()
    day = int(re.search(r"^day: (\d+)$", lesson, re.MULTILINE).group(1))
    week = int(re.search(r"^week: (\d+)$", lesson, re.MULTILINE).group(1))
    book = copy_project(ROOT, tmp_path / "book")
    target = f"week{week}/day-{day:02d}.md"
    (book / target).write_text(lesson, encoding="utf-8")

    done = subprocess.run([sys.executable, str(ROOT / "tools" / "check.py"), "--root", str(book)],
                          capture_output=True, text=True, timeout=900)
    # Only the lesson's own file: other lessons may link terms the real lesson defines.
    own = [line for line in done.stdout.splitlines() if line.startswith(f"{target}:")]
    assert not own, "\n".join(own)
    assert "Traceback" not in done.stdout + done.stderr


def test_every_directive_is_documented() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "_ext").rglob("*.py"))
    registered = set(DIRECTIVES) | set(re.findall(r'add_directive\(\s*"([\w-]+)"', sources))
    guide = GUIDE.read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `([\w-]+)`", guide, re.MULTILINE))
    documented |= set(re.findall(r"^:::\{([\w-]+)\}", guide, re.MULTILINE))
    missing = sorted(registered - documented)
    assert not missing, f"CONTRIBUTING.md does not show these directives: {missing}"
    for role in ("day", "term"):
        assert f"{{{role}}}`" in guide
