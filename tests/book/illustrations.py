"""Each lesson's illustration as its source declares it: the slot's options and the SVG files."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

SLOT = re.compile(r"^:::\{image-slot\} (?P<target>\S+)\n(?P<options>(?::[\w-]+:.*\n)*)", re.M)
OPTION = re.compile(r"^:(?P<name>[\w-]+): ?(?P<value>.*)$", re.M)
SVG_NS = "{http://www.w3.org/2000/svg}"
FONT_SIZE = re.compile(r"font-size\s*[:=]\s*\"?([\d.]+)")


@dataclass(frozen=True)
class Illustration:
    lesson: Path
    wide: Path    # the picture for wide screens and print
    narrow: Path  # its layout for phones
    alt: str
    caption: str


def illustration(lesson: Path, root: Path) -> Illustration | None:
    slot = SLOT.search(lesson.read_text(encoding="utf-8"))
    if slot is None:
        return None
    options = {match["name"]: match["value"].strip() for match in OPTION.finditer(slot["options"])}
    stem = slot["target"].removesuffix(".*").lstrip("/")
    return Illustration(lesson, root / f"{stem}.svg", root / f"{stem}-narrow.svg",
                        options.get("alt", ""), options.get("caption", ""))


def view_box(svg: Path) -> tuple[float, float]:
    box = ElementTree.parse(svg).getroot().get("viewBox", "")
    _, _, width, height = (float(number) for number in box.replace(",", " ").split())
    return width, height


def smallest_text(svg: Path) -> float:
    """The smallest font size the SVG sets, in its own units (16 where text sets none)."""
    sizes = [float(size) for size in FONT_SIZE.findall(svg.read_text(encoding="utf-8"))]
    return min(sizes, default=16.0)
