"""Which edition a builder makes: the one place that asks "web?" and "offline?".

The web is HTML for a browser (html, dirhtml, singlehtml): scripts, forms, meta tags and site
files belong there. The offline editions are the PDF (LaTeX) and the ePub: their readers have
no browser to run a script, so whatever needs one is shown in its static form. Sphinx's ePub
builders write HTML too (`builder.format == "html"`), which is why "HTML" alone answers neither
question.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.builders import Builder

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def builder_of(env: BuildEnvironment) -> Builder:
    """The running builder, for a transform: Sphinx 9 deprecates `SphinxTransform.app`, and
    its own post-transforms reach the builder this way."""
    return env._app.builder


def is_epub(builder: Builder) -> bool:
    return builder.name.startswith("epub")


def is_web(builder: Builder) -> bool:
    """HTML pages read in a browser."""
    return builder.format == "html" and not is_epub(builder)


def is_offline(builder: Builder) -> bool:
    """The PDF and the ePub: read without a browser."""
    return builder.format == "latex" or is_epub(builder)
