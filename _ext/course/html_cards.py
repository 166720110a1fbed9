"""HTML presentation: lesson parts become sphinx-design cards; the kicker sits above the title.

Only for HTML builders (ePub included); LaTeX and text keep the plain admonitions.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .nodes import (forward_references, image_placeholder, lesson_header, vocabulary,
                    wrap_up)

#: Part -> extra classes; colours live in _static/course.css, one rule per part.
CARD_PARTS: dict[type[nodes.Element], str] = {
    wrap_up: "course-card-wrap-up",
    image_placeholder: "course-card-image-wanted",
    vocabulary: "course-card-vocabulary",
    forward_references: "course-card-forward",
}


def as_card(part: nodes.Element, extra: str) -> nodes.container:
    title = next((child for child in part.children if isinstance(child, nodes.title)), None)
    card = nodes.container("", is_div=True, classes=["sd-card", "sd-sphinx-override", "sd-mb-3",
                                        "sd-shadow-sm", "course-card", extra])
    card["ids"] = part["ids"]
    card.source, card.line = part.source, part.line
    if title is not None:
        heading = nodes.paragraph("", "", *title.children, classes=["sd-card-text", "course-card-heading"])
        card += nodes.container("", heading, is_div=True, classes=["sd-card-header"])
    body = [child for child in part.children if child is not title]
    card += nodes.container("", *body, is_div=True, classes=["sd-card-body"])
    return card


GLUED = ",:;!?"


def glue_punctuation(reference: nodes.reference) -> None:
    """Keep "Day 10," together: punctuation right after a link joins the link's last text.

    Readers see the same sentence; text extractors (search snippets, copy-paste, the seed
    check) no longer read a gap between the link and its comma.
    """
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
    last.parent.replace(last, nodes.Text(last.astext() + glued))
    if stripped:
        parent.replace(following, nodes.Text(stripped))
    else:
        parent.remove(following)


class HTMLCards(SphinxPostTransform):
    default_priority = 200  # after references are resolved
    formats = ("html",)

    def run(self, **kwargs) -> None:
        # One walk finds every part; they become cards kind by kind, as before.
        kinds = tuple(CARD_PARTS)
        parts = [node for node in self.document.findall(nodes.Element) if isinstance(node, kinds)]
        for part_type, extra in CARD_PARTS.items():
            for part in [part for part in parts if isinstance(part, part_type)]:
                part.replace_self(as_card(part, extra))
        for reference in list(self.document.findall(nodes.reference)):
            glue_punctuation(reference)
        for header in list(self.document.findall(lesson_header)):
            self.kicker_above_title(header)

    @staticmethod
    def kicker_above_title(header: lesson_header) -> None:
        """Readers see kicker and position above the title, as in the authors' layout.

        The doctree keeps the title first (Sphinx takes a page's title from there), so the
        move happens only for HTML, at the last moment.
        """
        section = header.parent
        if not isinstance(section, nodes.section) or section.parent is None:
            return
        above = [child for child in header.children if "course-question" not in child["classes"]]
        for child in above:
            header.remove(child)
        eyebrow = nodes.container("", *above, classes=["course-eyebrow"])
        section.parent.insert(section.parent.index(section), eyebrow)
