"""The PDF book: `make pdf` builds one book from the root toctree (conf.py `latex_documents`).

* `BookShape` gives it a book's shape: the pages before the first week (the founding essay)
  are front matter, each week is a part and each day a chapter, the pages after the last
  week (recap, glossary) are back matter. Weeks are found from the lessons they hold, never
  from a list of names. Printed figures are captioned and sized for paper.
* The LaTeX visitors below write each lesson part as an environment or macro of
  `_static/latex/course.sty`, which owns the look. A lesson's opening (`\\CourseLessonTop`)
  is written by `header`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import smartquotes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .domain import course_domain
from .nodes import (forward_references, image_placeholder, image_slot, sign_off, vocabulary,
                    wrap_up, wrap_up_part)

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator

#: A lesson's picture on paper: large, with room for text on its page.
PRINTED_IMAGE_WIDTH = "80%"


class book_division(nodes.General, nodes.Element):
    """PDF only: wraps the pages of one division of the book; `division` is front, main, back."""


class BookShape(SphinxPostTransform):
    """Front matter, weeks as parts, back matter; printed figures captioned and sized.

    Runs on the one tree the LaTeX builder assembles from every page.
    """

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        self.divide()
        for slot in self.document.findall(image_slot):
            for figure in slot.findall(nodes.figure):
                caption_from_alt(figure, self.config.language or "en")
                for image in figure.findall(nodes.image):
                    image.setdefault("width", PRINTED_IMAGE_WIDTH)

    def divide(self) -> None:
        lessons = set(course_domain(self.env).lessons)
        pages = list(top_pages(self.document))
        holds_lessons = [any(inner["docname"] in lessons
                             for inner in page.findall(addnodes.start_of_file))
                         for page in pages]
        if not any(holds_lessons):
            return
        first = holds_lessons.index(True)
        last = len(holds_lessons) - 1 - holds_lessons[::-1].index(True)
        divisions = {"front": pages[:first], "main": pages[first:last + 1],
                     "back": pages[last + 1:]}
        for division, members in divisions.items():
            if not members:
                continue
            wrapper = book_division(division=division)
            members[0].replace_self(wrapper)
            for page in members[1:]:
                page.parent.remove(page)
            wrapper.extend(members)


def top_pages(node: nodes.Element) -> Iterator[addnodes.start_of_file]:
    """The pages the root toctree includes, in order.

    Walked from the top: Sphinx gives an included page's children a new parent without
    telling them, so `.parent` cannot be trusted in the assembled tree.
    """
    for child in node.children:
        if isinstance(child, addnodes.start_of_file):
            yield child
        elif isinstance(child, nodes.Element):
            yield from top_pages(child)


def caption_from_alt(figure: nodes.figure, language: str = "en") -> None:
    """A printed figure is captioned: by its `:caption:`, else by its alt text.

    On paper nobody can reach the alt text, and the alt text is the authors' description.
    """
    if any(isinstance(child, nodes.caption) for child in figure.children):
        return
    image = next(iter(figure.findall(nodes.image)), None)
    alt = image.get("alt", "") if image is not None else ""
    if alt:
        text = smartquotes.educateQuotes(alt, language=language)  # as MyST does for prose
        figure += nodes.caption(text, text)


# -- LaTeX visitors: course.sty's environments -------------------------------------------
DIVISION_COMMANDS = {
    "front": "",  # opened by \CourseContents, so page numbers stay roman
    "main": r"\mainmatter",
    "back": r"\backmatter",
}


def visit_book_division(self: LaTeXTranslator, node: book_division) -> None:
    self.body.append("\n" + DIVISION_COMMANDS[node["division"]] + "\n")
    if node["division"] != "main":
        self.sectionlevel += 1  # an essay or the glossary is a chapter, not a part


def depart_book_division(self: LaTeXTranslator, node: book_division) -> None:
    if node["division"] != "main":
        self.sectionlevel -= 1


#: Lesson part -> `kind` of the coursepart box in course.sty.
PART_KINDS: dict[type[nodes.Element], str] = {
    vocabulary: "vocabulary",
    forward_references: "forward",
    wrap_up: "wrapup",
    image_placeholder: "image",
}


def visit_part(self: LaTeXTranslator, node: nodes.Element) -> None:
    # The part's title node follows and writes itself as "{title}": the box's second argument.
    self.body.append(f"\n\\begin{{coursepart}}{{{PART_KINDS[type(node)]}}}")
    self.no_latex_floats += 1


def depart_part(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.no_latex_floats -= 1
    self.body.append("\\end{coursepart}\n")


def visit_wrap_up_part(self: LaTeXTranslator, node: wrap_up_part) -> None:
    label = node.children[0] if node.children else None
    if not (isinstance(label, nodes.paragraph) and "course-wrap-up-label" in label["classes"]):
        self.body.append("\n\\begin{coursewrapuppart}{}\n")
        return
    self.body.append(f"\n\\begin{{coursewrapuppart}}{{{self.encode(label.astext())}}}\n")
    for child in node.children[1:]:
        child.walkabout(self)
    raise nodes.SkipChildren


def depart_wrap_up_part(self: LaTeXTranslator, node: wrap_up_part) -> None:
    self.body.append("\\end{coursewrapuppart}\n")


def visit_sign_off(self: LaTeXTranslator, node: sign_off) -> None:
    self.body.append("\n\\begin{coursesignoff}\n")


def depart_sign_off(self: LaTeXTranslator, node: sign_off) -> None:
    self.body.append("\\end{coursesignoff}\n")


def setup_latex_edition(app: Sphinx) -> None:
    app.add_node(book_division, latex=(visit_book_division, depart_book_division))
    for part in PART_KINDS:
        app.add_node(part, override=True, latex=(visit_part, depart_part))
    app.add_node(wrap_up_part, override=True, latex=(visit_wrap_up_part, depart_wrap_up_part))
    app.add_node(sign_off, override=True, latex=(visit_sign_off, depart_sign_off))
    app.add_post_transform(BookShape)
