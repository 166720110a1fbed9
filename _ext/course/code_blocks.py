"""Code blocks a keyboard can scroll: each `<pre>` on the web takes focus.

Code keeps its lines and scrolls sideways on narrow screens (course.css); a region that
scrolls must be reachable by keyboard, so Pygments' `<pre>` gets `tabindex="0"`. The HTML
builder's own highlighter gets this formatter, so nothing else in Sphinx changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pygments.formatters import HtmlFormatter
from sphinx.application import Sphinx

from .builders import is_web


class FocusablePreFormatter(HtmlFormatter):
    def _wrap_pre(self, inner: Any) -> Iterator[tuple[int, str]]:
        for is_code, text in super()._wrap_pre(inner):
            if not is_code and text.startswith("<pre"):
                text = text.replace("<pre", '<pre tabindex="0"', 1)
            yield is_code, text


def focusable_code(app: Sphinx) -> None:
    highlighter = getattr(app.builder, "highlighter", None)
    if is_web(app.builder) and highlighter is not None:
        highlighter.formatter = FocusablePreFormatter


def setup_code_blocks(app: Sphinx) -> None:
    app.connect("builder-inited", focusable_code)
