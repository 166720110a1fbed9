"""MyST with the front matter read once (course/front_matter_parser.py): what MyST did, faster.

The whole book's pages are unchanged by it (compared byte for byte when it landed); these
cases hold the parts MyST's own `parse` did besides: file-level `myst:` settings, and a
front matter mistake reported by MyST at its line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import ROOT, sphinx_in_process
from tests.extension.minibook import write_minibook

sys.path.insert(0, str(ROOT / "_ext"))
from course.front_matter_parser import read_front_matter  # noqa: E402

RECAP_WITH_SETTINGS = """---
myst:
  enable_extensions: [colon_fence, deflist, substitution]
  substitutions:
    who: Ana Lima
---

# Recap

Written for {{who}}.

:::{course-recap}
:::
"""


def test_front_matter_is_a_mapping_or_nothing() -> None:
    assert read_front_matter("day: 9\ntitle: Backend\nsources:\n  - claim: a\n") == {
        "day": 9, "title": "Backend", "sources": [{"claim": "a"}]}
    assert read_front_matter("question: What: is this?\n") is None  # MyST reports it
    assert read_front_matter("- a list\n") is None
    assert read_front_matter("") is None


def test_file_level_myst_settings_still_apply(tmp_path: Path) -> None:
    # conf.py does not switch substitutions on: only the page's own settings do.
    book = write_minibook(tmp_path / "book")
    (book / "recap.md").write_text(RECAP_WITH_SETTINGS, encoding="utf-8")
    build = sphinx_in_process(book, tmp_path / "out" / "html")
    assert build.returncode == 0, build.output
    assert "Written for Ana Lima." in build.page("recap.html")
