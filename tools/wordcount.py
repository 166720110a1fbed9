"""Words of prose in a lesson's source: what a reader reads, not code or markup."""

from __future__ import annotations

import re
from pathlib import Path

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
CODE = re.compile(r"^```.*?^```", re.S | re.M)
#: The image slot's body is a brief for the illustrator, not prose the reader reads.
IMAGE_BRIEF = re.compile(r"^:::\{image-slot\}.*?^:::$", re.S | re.M)
SIGN_OFF = re.compile(r"^:::\{sign-off\}.*?^:::$", re.S | re.M)
DIRECTIVE_LINES = re.compile(r"^(:::.*|:[\w-]+:.*)$", re.M)
ROLE = re.compile(r"\{(\w+)\}`([^`<]*?)\s*(?:<([^>]*)>)?`")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")


def _role_text(match: re.Match[str]) -> str:
    role, text, target = match.groups()
    if role == "day" and not target:
        return f"Day {text.partition('#')[0]}"
    return text


def _blank(match: re.Match[str]) -> str:
    """Keep the line count, so what follows still knows its line number."""
    return "\n" * match.group(0).count("\n")


def prose_lines(path: Path, skip_sign_off: bool = False) -> list[tuple[int, str]]:
    """The page's prose, line by line, with each line's number in the file."""
    text = path.read_text(encoding="utf-8")
    skipped = (SIGN_OFF,) if skip_sign_off else ()
    for pattern in (FRONT_MATTER, CODE, IMAGE_BRIEF, *skipped, DIRECTIVE_LINES):
        text = pattern.sub(_blank, text)
    text = LINK.sub(r"\1", ROLE.sub(_role_text, text))
    return [(number, line) for number, line in enumerate(text.splitlines(), start=1)
            if line.strip()]


def prose_words(path: Path) -> int:
    return sum(len(WORD.findall(line)) for _, line in prose_lines(path))


if __name__ == "__main__":  # python3 tools/wordcount.py week*/day-*.md essay.md
    import sys

    for name in sys.argv[1:]:
        print(f"{prose_words(Path(name)):5d}  {name}")
