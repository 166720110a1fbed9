"""Keep "Day 10," together: punctuation right after a link joins the link's last text.

Readers see the same sentence; text extractors (search snippets, copy-paste, the seed check)
no longer read a gap between the link and its comma. HTML writers only (the web and the ePub).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

GLUED = ",:;!?"


def glue_punctuation(reference: nodes.reference) -> None:
    parent = reference.parent
    if parent is None:
        return
    index = parent.index(reference)
    if index + 1 >= len(parent) or not isinstance(parent[index + 1], nodes.Text):
        return
    following = parent[index + 1]
    text = following.astext()
    stripped = text.lstrip(GLUED)
    glued = text[: len(text) - len(stripped)]
    texts = list(reference.findall(nodes.Text))
    if not glued or not texts:
        return
    last = texts[-1]
    assert last.parent is not None
    last.parent.replace(last, nodes.Text(last.astext() + glued))
    if stripped:
        parent.replace(following, nodes.Text(stripped))
    else:
        parent.remove(following)


class GluePunctuation(SphinxPostTransform):
    default_priority = 200  # after references are resolved
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for reference in list(self.document.findall(nodes.reference)):
            glue_punctuation(reference)


def setup_punctuation(app: Sphinx) -> None:
    app.add_post_transform(GluePunctuation)
