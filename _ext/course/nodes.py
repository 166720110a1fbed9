"""The course's document nodes: one class per lesson part.

Each part subclasses a docutils node that every writer already renders (an admonition or a
container), so HTML, LaTeX, ePub and text builds work without special code; `cards` adds the
card presentation for HTML, `latex_edition` the LaTeX one. The page tops (`lesson_header`,
`page_byline`) are data, rendered by the visitors in `header`.
"""

from __future__ import annotations

from docutils import nodes

from .facts import Lesson


class lesson_header(nodes.General, nodes.Element):
    """A lesson's top: its `lesson` (day, week, question, status), placed after its title.

    Writers render it from that data (see `header`); its text children, the same words,
    are for search and for checks that skip generated text.
    """

    @property
    def lesson(self) -> Lesson:
        lesson: Lesson = self["lesson"]
        return lesson


class page_byline(nodes.General, nodes.Element):
    """A preface's top (the founding essay): the authors, and a draft badge while `draft`."""


class image_slot(nodes.container):
    """The lesson's illustration: a figure once the file exists, else a placeholder."""


class picture(nodes.General, nodes.Element):
    """An illustration with a phone layout: the wide image, then the narrow one (web only)."""


class image_placeholder(nodes.admonition):
    """An image slot whose file does not exist yet: the suggestion, target file and alt text."""


class vocabulary(nodes.admonition):
    """The vocabulary sweep: a glossary whose terms join the course-wide glossary."""


class forward_references(nodes.admonition):
    """Links to later days, one line each."""


class wrap_up(nodes.admonition):
    """The three-part wrap-up: say plainly, can now do, guardrail."""


class wrap_up_part(nodes.container):
    """One of the wrap-up's three parts; `part` is "say", "do" or "guardrail"."""


class sign_off(nodes.container):
    """The closing line that points at the next day."""


class course_listing(nodes.General, nodes.Element):
    """Placeholder for a page built from every lesson: `kind` is map, glossary or recap.

    Replaced when the page is written (see `listings`), once every lesson has been read.
    """


#: Lesson parts every lesson has exactly once, with the words an author sees in messages.
REQUIRED_PARTS: dict[type[nodes.Element], str] = {
    image_slot: "image-slot",
    vocabulary: "vocabulary",
    forward_references: "forward-references",
    wrap_up: "wrap-up",
    sign_off: "sign-off",
}
