"""Glossary terms explain themselves where they stand.

A {term} link on a web page carries the term's short definition (from `CourseDomain.terms`,
the vocabulary sweeps) in a tooltip that shows on hover and on keyboard focus, is announced
as the link's description, and still links to the definition. `_static/js/term-tips.js`, added
only to pages with such links, lets Escape hide a tip and a first tap on a touch screen show
it. HTML only, and not ePub: a book shows the word and its link, as written.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

from .builders import builder_of, is_web
from .domain import course_domain

TIPS_SCRIPT = "js/term-tips.js"
TIP_LENGTH = 220


class term_tip(nodes.inline):
    """A glossary link together with the definition it shows on hover and focus."""


def short_definition(definition: nodes.Element) -> str:
    """The definition's first sentences, up to about TIP_LENGTH characters."""
    text = " ".join(definition.astext().split())
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z(“\"])", text)
    short = sentences[0]
    for sentence in sentences[1:]:
        if len(short) + 1 + len(sentence) > TIP_LENGTH:
            break
        short += " " + sentence
    return short if len(short) <= TIP_LENGTH else short[: TIP_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _term_refs(doctree: nodes.Node) -> list[pending_xref]:
    return [ref for ref in doctree.findall(pending_xref)
            if ref.get("refdomain") == "std" and ref.get("reftype") == "term"]


class AddTermTips(SphinxPostTransform):
    default_priority = 6  # before ReferencesResolver (10) turns the pending links into <a>

    def is_supported(self) -> bool:
        return is_web(builder_of(self.env))

    def run(self, **kwargs: Any) -> None:
        terms = course_domain(self.env).terms
        for number, ref in enumerate(_term_refs(self.document), start=1):
            term = terms.get(ref["reftarget"].lower())
            if term is None:
                continue  # Sphinx reports the unknown term itself
            tip = term_tip("", classes=["course-term"], tip=short_definition(term.definition),
                           tip_id=f"course-term-tip-{number}")
            ref.replace_self(tip)
            tip += ref


def visit_term_tip_html(self: HTML5Translator, node: term_tip) -> None:
    node["body_start"] = len(self.body)
    self.body.append(self.starttag(node, "span", ""))


def depart_term_tip_html(self: HTML5Translator, node: term_tip) -> None:
    start = node["body_start"]
    link = next((index for index in range(start, len(self.body))
                 if self.body[index].startswith("<a ")), None)
    if link is not None:  # a link that did not resolve gets no tip
        self.body[link] = f'<a aria-describedby="{node["tip_id"]}" ' + self.body[link][3:]
        self.body.append(f'<span class="course-term-tip" role="tooltip" id="{node["tip_id"]}">'
                         f'{escape(node["tip"])}</span>')
    self.body.append("</span>")


def add_tips_script(app: Sphinx, pagename: str, templatename: str,
                    context: dict[str, Any], doctree: nodes.document | None) -> None:
    if doctree is not None and next(iter(doctree.findall(term_tip)), None) is not None:
        app.add_js_file(TIPS_SCRIPT)


# -- incremental builds: `updates` rewrites the pages whose tips show a changed definition --
def note_term_refs(app: Sphinx, doctree: nodes.document) -> None:
    course_domain(app.env).term_refs[app.env.docname] = {
        ref["reftarget"].lower() for ref in _term_refs(doctree)}


def setup_term_tips(app: Sphinx) -> None:
    app.add_node(term_tip, html=(visit_term_tip_html, depart_term_tip_html))
    app.add_post_transform(AddTermTips)
    app.connect("html-page-context", add_tips_script)
    app.connect("doctree-read", note_term_refs)
