"""Offline forms: whatever only works in a browser, shown as it reads on paper and in the ePub.

sphinx-design dropdowns open, tab sets one tab after the other, card links on the card's
title instead of hidden link text, icons dropped, interactive raw HTML left out. Web-only
material is marked by authors with the class `course-web-only`; a descendant with the class
`course-static-fallback` takes its place offline. sphinx-design's nodes are recognised by
their classes and component names as sphinx-design defines them, not by their look.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_design.icons import sd_icon
from sphinx_design.shared import PassthroughTextElement, is_component

from .builders import builder_of, is_offline

#: Raw HTML holding any of these is interactive and has no place offline.
INTERACTIVE_MARKUP = ("<script", "<form", "<input", "<button", "<select", "<textarea",
                      "<iframe")


class StaticForOffline(SphinxPostTransform):
    # After references are resolved (10); before sphinx-design makes dropdowns (199) and
    # tab sets (200) interactive, and before the course's cards (200).
    default_priority = 150

    def is_supported(self) -> bool:
        return is_offline(builder_of(self.env))

    def run(self, **kwargs: Any) -> None:
        self.make_static(self.document)

    def make_static(self, parent: nodes.Element) -> None:
        # Walked from the top with each node's real parent (see `latex_edition.top_pages`).
        for node in list(parent.children):
            if not isinstance(node, nodes.Element):
                continue
            static = self.static_form(node)
            if static is None:
                self.make_static(node)
            else:
                parent.replace(node, static)

    @staticmethod
    def static_form(node: nodes.Element) -> nodes.Node | list[nodes.Node] | None:
        """What a reader offline gets instead of `node`, or None to keep it (and look inside)."""
        if "course-web-only" in node.get("classes", []):
            fallback = next((n for n in node.findall(nodes.Element)
                             if "course-static-fallback" in n.get("classes", [])), None)
            return fallback.deepcopy() if fallback is not None else []
        if is_component(node, "dropdown"):
            return static_dropdown(node)
        if is_component(node, "tab-set"):
            return static_tab_set(node)
        if isinstance(node, sd_icon):
            return []  # decorative, and SVG markup inside an ePub's text
        if isinstance(node, nodes.raw) and "html" in node.get("format", "").split():
            interactive = any(tag in node.astext().lower() for tag in INTERACTIVE_MARKUP)
            return [] if interactive else None
        if is_component(node, "card"):
            link_card_title(node)
        return None


def _card(title: list[nodes.Node], body: list[nodes.Node], classes: list[str]) -> nodes.container:
    heading = nodes.paragraph("", "", *title, classes=["sd-card-title", "course-static-title"])
    return nodes.container("", nodes.container("", heading, classes=["sd-card-header"]),
                           nodes.container("", *body, classes=["sd-card-body"]),
                           classes=["sd-card", *classes])


def static_dropdown(node: nodes.Element) -> nodes.container:
    """An open dropdown: its title as the card's heading, its content below."""
    if node.get("has_title") and node.children:
        title, body = list(node[0].children), [child.deepcopy() for child in node.children[1:]]
    else:
        title, body = [], [child.deepcopy() for child in node.children]
    return _card([child.deepcopy() for child in title], body, ["course-static-dropdown"])


def static_tab_set(node: nodes.Element) -> nodes.container:
    """Every tab, one after the other, each under its label."""
    out = nodes.container("", classes=["course-static-tabs"])
    for item in node.children:
        if not is_component(item, "tab-item") or len(item.children) != 2:
            out += item.deepcopy()
            continue
        label, content = item.children
        out += _card([child.deepcopy() for child in label.children],
                     [child.deepcopy() for child in content.children], ["course-static-tab"])
    return out


def link_card_title(card: nodes.Element) -> None:
    """A card's stretched link, whose text is hidden on the web, moves onto the card's title.

    Offline nothing hides the link text (in a PDF it would print the link's target), and a
    title is what a reader expects to follow.
    """
    # sphinx-design appends the link to the card itself, in a text holder of its own; a
    # resolved cross-reference may have lost the link's "sd-hide-link-text" class.
    hidden = [ref for ref in card.findall(nodes.reference)
              if "sd-hide-link-text" in ref["classes"]
              or (isinstance(ref.parent, PassthroughTextElement) and ref.parent.parent is card)]
    for ref in hidden:
        holder = ref.parent if ref.parent.parent is card else ref
        title = next((n for n in card.findall(nodes.Element)
                      if "sd-card-title" in n.get("classes", [])), None)
        # A link lives in text: the title's text element (sphinx-design wraps the words).
        words = next(iter(title.findall(nodes.TextElement)), None) if title is not None else None
        if words is not None and not any(words.findall(nodes.reference)):
            link = nodes.reference("", "", *[child.deepcopy() for child in words.children],
                                   **{key: ref[key] for key in ("refuri", "refid", "internal")
                                      if key in ref})
            words.children = []
            words += link
        holder.parent.remove(holder)


def setup_offline_forms(app: Sphinx) -> None:
    app.add_post_transform(StaticForOffline)
