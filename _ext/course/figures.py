"""A lesson's illustration with a phone layout: `<picture>` on the web, the wide one elsewhere.

The narrow SVG is a second image node, so Sphinx copies it like any image; the web writer
offers it to narrow screens through `<source media>`. Every other builder (the ePub, the PDF,
text) keeps only the wide picture, before images are converted (the PDF gets a vector PDF made
from the SVG by `sphinxcontrib.rsvgconverter`).
"""

from __future__ import annotations

import posixpath
from typing import Any
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

from .builders import builder_of, is_web
from .nodes import picture

#: Below this width the narrow layout shows (its text stays at least 12 px on a 375 px phone).
NARROW_SCREEN = "(max-width: 40em)"


class WidePictureOffline(SphinxPostTransform):
    """Outside the web pages a picture is its wide image alone."""

    default_priority = 5  # before the image converter (10) makes a PDF of the narrow one

    def run(self, **kwargs: Any) -> None:
        if is_web(builder_of(self.env)):
            return
        for node in list(self.document.findall(picture)):
            node.replace_self(node.children[0])


def visit_picture_html(self: HTML5Translator, node: picture) -> None:
    wide, narrow = node.children
    assert isinstance(narrow, nodes.image)
    uri = narrow["uri"]
    if uri in self.builder.images:
        uri = posixpath.join(self.builder.imgpath, quote(self.builder.images[uri]))
    self.body.append(f'<picture><source media="{NARROW_SCREEN}" srcset="{self.attval(uri)}" '
                     'type="image/svg+xml">')
    wide.walkabout(self)
    self.body.append("</picture>")
    raise nodes.SkipNode


def skip_picture(self: Any, node: picture) -> None:
    raise nodes.SkipNode  # never reached: the post-transform keeps only the wide image


def setup_figures(app: Sphinx) -> None:
    app.add_node(picture, html=(visit_picture_html, None),
                 latex=(skip_picture, None), text=(skip_picture, None),
                 man=(skip_picture, None), texinfo=(skip_picture, None))
    app.add_post_transform(WidePictureOffline)
