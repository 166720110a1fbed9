"""HTML presentation: lesson parts and the course map's days as sphinx-design cards.

Cards are made with sphinx-design's own `create_component`, as its card and grid directives
make them, so they carry its markup and its `design_component` names. Only for builders that
write HTML (the web and the ePub); LaTeX and text keep the plain admonitions and lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_design.shared import create_component

from .facts import DRAFT
from .nodes import forward_references, image_placeholder, vocabulary, wrap_up

#: Part -> extra classes; colours live in _static/course.css, one rule per part.
CARD_PARTS: dict[type[nodes.Element], str] = {
    wrap_up: "course-card-wrap-up",
    image_placeholder: "course-card-image-wanted",
    vocabulary: "course-card-vocabulary",
    forward_references: "course-card-forward",
}


def draft_badge() -> nodes.inline:
    """sphinx-design's warning badge's classes; builders without its styles show the plain word."""
    return nodes.inline(DRAFT, DRAFT, classes=["sd-badge", "sd-bg-warning", "sd-bg-text-warning",
                                               "course-draft"])


def part_card(part: nodes.Element, extra: str) -> nodes.container:
    """A lesson part as a card: its title in the card's header, the rest in its body."""
    title = next((child for child in part.children if isinstance(child, nodes.title)), None)
    card = create_component("card", ["sd-card", "sd-sphinx-override", "sd-mb-3", "sd-shadow-sm",
                                     "course-card", extra], ids=part["ids"])
    card.source, card.line = part.source, part.line
    if title is not None:
        heading = nodes.paragraph("", "", *title.children, classes=["sd-card-text", "course-card-heading"])
        card += create_component("card-header", ["sd-card-header"], children=[heading])
    body = [child for child in part.children if child is not title]
    card += create_component("card-body", ["sd-card-body"], children=body)
    return card


def link_card(top: list[nodes.Node], link: nodes.Node, text: str, classes: list[str],
              ids: Sequence[str] = ()) -> nodes.container:
    """A course map card in its grid column: a top line, the linked title, a line of text."""
    top_line = nodes.paragraph("", "", *top, classes=["sd-card-text", "course-card-day"])
    heading = nodes.paragraph("", "", link, classes=["sd-card-title", "sd-font-weight-bold",
                                                     "course-card-title"])
    body = nodes.paragraph("", "", nodes.Text(text), classes=["sd-card-text", "course-card-question"])
    card = create_component(
        "card", ["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm", "sd-card-hover",
                 *classes], ids=list(ids),
        children=[create_component("card-body", ["sd-card-body"], children=[top_line, heading, body])])
    return create_component("grid-item", ["sd-col", "sd-d-flex-row"], children=[card])


def card_grid(columns: Sequence[nodes.Node]) -> nodes.container:
    """One column on phones, two from a tablet up, like a `grid:: 1 2 2 2`: a week's seven
    days and its recap make four even rows, and no card stands alone."""
    row = create_component("grid-row", ["sd-row", "sd-row-cols-1", "sd-row-cols-sm-2",
                                        "sd-g-3"], children=columns)
    return create_component("grid-container", ["sd-container-fluid", "sd-sphinx-override",
                                               "sd-mb-4", "course-map"], children=[row])


class PartCards(SphinxPostTransform):
    default_priority = 200  # after references are resolved
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        # One walk finds every part; they become cards kind by kind, as before.
        kinds = tuple(CARD_PARTS)
        parts = [node for node in self.document.findall(nodes.Element) if isinstance(node, kinds)]
        for part_type, extra in CARD_PARTS.items():
            for part in [part for part in parts if isinstance(part, part_type)]:
                part.replace_self(part_card(part, extra))


def setup_cards(app: Sphinx) -> None:
    app.add_post_transform(PartCards)
