"""MyST's parser, reading a page's front matter once, with libyaml.

MyST 5.2 reads the YAML at the top of a page twice, both times with PyYAML's pure-Python
loader: once for file-level MyST settings (`read_topmatter`), once to render it. A lesson's
front matter carries its sources, so those two reads were a quarter of the course's cost
over a plain Sphinx book. This parser reads it once with the C loader and hands the result
to MyST's renderer, which takes front matter already read (`render_front_matter`). When
the C loader fails, the token keeps its text, so MyST reports the mistake as it always has.
"""

from __future__ import annotations

from typing import Any

import yaml
from docutils import nodes
from myst_parser.config.main import merge_file_level
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.parsers.sphinx_ import MystParser
from myst_parser.warnings_ import create_warning
from sphinx.application import Sphinx

from .facts import load_yaml

def read_front_matter(text: str) -> dict[str, Any] | None:
    """The mapping a front matter block holds, or None when it is not a readable mapping."""
    try:
        data = load_yaml(text)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


class CourseMarkdownParser(MystParser):
    """MyST, with the front matter read once (see the module's docstring)."""

    def parse(self, inputstring: str, document: nodes.document) -> None:
        config = document.settings.env.myst_config
        parser = create_md_parser(config, SphinxRenderer)
        env: dict[str, Any] = {}
        tokens = parser.parse(inputstring, env)
        top = tokens[0] if tokens and tokens[0].type == "front_matter" else None
        data = read_front_matter(top.content) if top is not None else None
        if data is not None and "myst" in data:  # file-level settings, as MystParser applies them
            def warning(wtype: Any, msg: str) -> None:
                create_warning(document, msg, wtype, line=1, append_to=document)

            parser = create_md_parser(merge_file_level(config, data, warning), SphinxRenderer)
            env = {}
            tokens = parser.parse(inputstring, env)
        if data is not None:
            tokens[0].content = data  # type: ignore[assignment]  # MyST renders a mapping as given
        parser.options["document"] = document
        parser.renderer.render(tokens, parser.options, env)


def setup_front_matter_parser(app: Sphinx) -> None:
    app.add_source_parser(CourseMarkdownParser, override=True)
