"""The directives authors write for a lesson's parts, each making one node of `nodes`.

The pages built from every lesson (course map, glossary, recap) have theirs in `listings`.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.domains.std import Glossary
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .domain import Term, course_domain
from .facts import day_label
from .nodes import (forward_references, image_placeholder, image_slot,
                    sign_off, vocabulary, wrap_up, wrap_up_part)

logger = logging.getLogger(__name__)

#: The wrap-up's three parts, in order: (key, label the reader sees).
WRAP_UP_PARTS = (
    ("say", "The thing you can now say plainly."),
    ("do", "The thing you can now do."),
    ("guardrail", "The guardrail to remember."),
)
VOCABULARY_SIZE = range(3, 7)


class CourseDirective(SphinxDirective):
    def warn(self, message: str, subtype: str) -> None:
        logger.warning(message, location=self.get_location(), type="course", subtype=subtype)

    def parse_content(self) -> list[nodes.Node]:
        holder = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, holder)
        return list(holder.children)

    def titled(self, node: nodes.Element, title: str) -> nodes.Element:
        self.set_source_info(node)
        node += nodes.title(title, title)
        return node

    @property
    def day(self) -> str | None:
        return str(self.env.metadata.get(self.env.docname, {}).get("day", "")).strip() or None


class ImageSlot(CourseDirective):
    """The illustration, once `images/...` exists; until then, a card asking for it."""

    required_arguments = 1
    has_content = True
    option_spec = {"alt": directives.unchanged, "caption": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        target = self.arguments[0]
        relative, absolute = self.env.relfn2path(target, self.env.docname)
        alt = " ".join(self.options.get("alt", "").split())
        if not alt:
            self.warn("the image slot has no `:alt:` text (add `:alt:` with everything the image "
                      "shows, for readers who cannot see it)", "image-slot")
        if not self.content:
            self.warn("the image slot has no suggestion (describe the image to draw below the "
                      "options)", "image-slot")
        slot = image_slot(classes=["course-image-slot"])
        self.set_source_info(slot)
        existing = sorted(Path(absolute).parent.glob(Path(absolute).name))
        if existing:
            figure = nodes.figure(classes=["course-figure"])
            figure += nodes.image(target, uri=target, alt=alt or Path(target).stem)
            if self.options.get("caption"):
                text, messages = self.parse_inline(self.options["caption"], lineno=self.lineno)
                figure += nodes.caption("", "", *text)
            slot += figure
            return [slot]
        # Re-read this page once the image exists (see `updates.reread_when_image_appears`).
        # Not env.note_dependency on the folder: Sphinx takes a folder for a missing file
        # and would re-read the page on every build.
        course_domain(self.env).images_wanted[self.env.docname] = str(absolute)
        stem = str(Path(relative).with_suffix("")) if "*" in Path(relative).suffix else relative
        wanted = self.titled(image_placeholder(classes=["course-image-placeholder"]), "Image wanted")
        wanted += self.parse_content()
        files = (f"{stem}.svg (web) and {stem}.png (print)" if "*" in relative else relative)
        wanted += nodes.paragraph("", "", nodes.strong("Save it as:", "Save it as:"),
                                  nodes.Text(" "), nodes.literal(files, files))
        wanted += nodes.paragraph("", "", nodes.strong("Alt text:", "Alt text:"), nodes.Text(f" {alt}"))
        slot += wanted
        return [slot]


class Vocabulary(Glossary, CourseDirective):
    """Sphinx's glossary (so {term} links and duplicate checks come free), as a lesson part."""

    def run(self) -> list[nodes.Node]:
        result = Glossary.run(self)
        glossary = next((n for n in result if isinstance(n, nodes.Element)
                         and any(True for _ in n.findall(nodes.definition_list))), None)
        sweep = self.titled(vocabulary(classes=["course-vocabulary"]), "A vocabulary sweep")
        sweep += result
        if glossary is None:
            return [sweep]
        domain, count = course_domain(self.env), 0
        for item in glossary.findall(nodes.definition_list_item):
            definition = next(iter(item.findall(nodes.definition)), None)
            for term in item.findall(nodes.term):
                count += 1
                name = term.astext().strip()
                if name.lower() in domain.terms or not term["ids"]:
                    continue  # Sphinx warns about the duplicate itself
                domain.terms[name.lower()] = Term(name, self.env.docname, term["ids"][0],
                                                  definition.deepcopy() if definition is not None else nodes.definition())
        if self.day and count not in VOCABULARY_SIZE:
            self.warn(f"the vocabulary sweep has {count} terms (a lesson defines 3 to 6: "
                      "move the others to the lesson that introduces them)", "vocabulary")
        return [sweep]


class ForwardReferences(CourseDirective):
    has_content = True

    def run(self) -> list[nodes.Node]:
        node = self.titled(forward_references(classes=["course-forward"]), "Forward references")
        node += self.parse_content()
        return [node]


class WrapUp(CourseDirective):
    """Three bullet items; the labels are the course's, always the same three."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        title = f"{day_label(self.day)} wrap" if self.day else "Wrap-up"
        node = self.titled(wrap_up(classes=["course-wrap-up"]), title)
        content = self.parse_content()
        items = (content[0].children
                 if len(content) == 1 and isinstance(content[0], nodes.bullet_list) else [])
        if len(items) != len(WRAP_UP_PARTS):
            self.warn(f"the wrap-up needs exactly three bullet items, in order: what you can now "
                      f"say plainly, what you can now do, the guardrail (found {len(items)})",
                      "wrap-up")
            node += content  # shown as written, never dropped
            return [node]
        for (key, label), item in zip(WRAP_UP_PARTS, items):
            part = wrap_up_part(part=key, classes=["course-wrap-up-part", f"course-wrap-up-{key}"])
            part += nodes.paragraph("", "", nodes.strong(label, label),
                                    classes=["course-wrap-up-label"])
            part += item.children
            node += part
        course_domain(self.env).wraps[self.env.docname] = node.deepcopy()
        return [node]


class SignOff(CourseDirective):
    has_content = True

    def run(self) -> list[nodes.Node]:
        node = sign_off(classes=["course-sign-off"])
        self.set_source_info(node)
        node += self.parse_content()
        return [node]


DIRECTIVES = {
    "image-slot": ImageSlot,
    "vocabulary": Vocabulary,
    "forward-references": ForwardReferences,
    "wrap-up": WrapUp,
    "sign-off": SignOff,
}
