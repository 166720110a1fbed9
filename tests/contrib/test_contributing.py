"""CONTRIBUTING.md stays true: its minimal lesson builds cleanly, and it documents every directive."""

from __future__ import annotations

import re
import sys

from tests.conftest import ROOT
from tests.contrib.conftest import GUIDE, CheckedCopy

sys.path.insert(0, str(ROOT / "_ext"))
from course.listings import DIRECTIVES as LISTINGS  # noqa: E402
from course.parts import DIRECTIVES as PARTS  # noqa: E402


def test_the_minimal_lesson_has_no_problems(broken_copy: CheckedCopy) -> None:
    # The copy's other problems are in Days 9 and 10 (see test_check); none may be in the
    # lesson. Only its own file counts: other lessons may link terms the real lesson defines.
    output = broken_copy.done.stdout
    own = [line for line in output.splitlines() if line.startswith(f"{broken_copy.minimal_lesson}:")]
    assert not own, "\n".join(own)
    assert "Traceback" not in output + broken_copy.done.stderr


def test_every_directive_is_documented() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "_ext").rglob("*.py"))
    registered = set(PARTS) | set(LISTINGS) | set(re.findall(r'add_directive\(\s*"([\w-]+)"', sources))
    guide = GUIDE.read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `([\w-]+)`", guide, re.MULTILINE))
    documented |= set(re.findall(r"^:::\{([\w-]+)\}", guide, re.MULTILINE))
    missing = sorted(registered - documented)
    assert not missing, f"CONTRIBUTING.md does not show these directives: {missing}"
    for role in ("day", "term"):
        assert f"{{{role}}}`" in guide
