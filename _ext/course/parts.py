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

from .domain import Term, course_domain, detached
from .editions import is_preview, production_note
from .facts import day_label, source_lines
from .nodes import (forward_references, image_placeholder, image_slot,
                    picture, sign_off, vocabulary, wrap_up, wrap_up_part)

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
    """The lesson's illustration with its caption; in the authors' preview, also its brief.

    `images/day-NN-name.svg` is the picture (print gets a vector PDF made from it), and
    `images/day-NN-name-narrow.svg`, when it exists, its layout for phones.
    """

    required_arguments = 1
    has_content = True
    option_spec = {"alt": directives.unchanged, "caption": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        target = self.arguments[0]
        relative, absolute = self.env.relfn2path(target, self.env.docname)
        alt = " ".join(self.options.get("alt", "").split())
        caption = " ".join(self.options.get("caption", "").split())
        if not alt:
            self.warn("the image slot has no `:alt:` text (add `:alt:` with everything the image "
                      "shows, for readers who cannot see it)", "image-slot")
        if not caption:
            self.warn("the image slot has no `:caption:` (add a short written caption, one "
                      "sentence, shown under the picture in every edition)", "image-slot")
        if not self.content:
            self.warn("the image slot has no suggestion (describe the image to draw below the "
                      "options)", "image-slot")
        slot = image_slot(classes=["course-image-slot"])
        self.set_source_info(slot)
        stem = target[:-2] if target.endswith(".*") else str(Path(target).with_suffix(""))
        if sorted(Path(absolute).parent.glob(Path(absolute).name)):
            slot += self.figure(target, f"{stem}-narrow.svg", alt, caption)
            if is_preview(self.config):
                slot += production_note("Image brief (authors' preview)", *self.parse_content())
            return [slot]
        # Re-read this page once the image exists (see `updates.reread_when_image_appears`).
        # Not env.note_dependency on the folder: Sphinx takes a folder for a missing file
        # and would re-read the page on every build.
        course_domain(self.env).images_wanted[self.env.docname] = str(absolute)
        files = f"{stem}.svg" if target.endswith(".*") else target
        if self.env.metadata.get(self.env.docname, {}).get("status") == "published":
            self.warn(f"the picture {files} does not exist (save it there, or correct the "
                      "path in the image slot)", "image-slot")
        if not is_preview(self.config):
            return [slot]  # readers never see a production note
        wanted = self.titled(image_placeholder(classes=["course-image-placeholder"]), "Image wanted")
        wanted += self.parse_content()
        wanted += nodes.paragraph("", "", nodes.strong("Save it as:", "Save it as:"),
                                  nodes.Text(" "), nodes.literal(files, files))
        wanted += nodes.paragraph("", "", nodes.strong("Alt text:", "Alt text:"), nodes.Text(f" {alt}"))
        slot += wanted
        return [slot]

    def figure(self, target: str, narrow: str, alt: str, caption: str) -> nodes.figure:
        figure = nodes.figure(classes=["course-figure"])
        wide = nodes.image(target, uri=target, alt=alt or Path(target).stem)
        _, narrow_path = self.env.relfn2path(narrow, self.env.docname)
        if Path(narrow_path).is_file():
            figure += picture("", wide, nodes.image(narrow, uri=narrow, alt=wide["alt"],
                                                    classes=["course-narrow"]))
        else:
            figure += wide
        if caption:
            text, _messages = self.parse_inline(caption, lineno=self.lineno)
            figure += nodes.caption("", "", *text)
        return figure


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
        written = domain.data["term_lines"].setdefault(self.env.docname, [])
        for item in glossary.findall(nodes.definition_list_item):
            definition = next(iter(item.findall(nodes.definition)), None)
            for term in item.findall(nodes.term):
                count += 1
                name = term.astext().strip()
                written.append((name, self.content_line(name)))
                if name.lower() in domain.terms or not term["ids"]:
                    continue  # Sphinx warns about the duplicate itself
                domain.terms[name.lower()] = Term(name, self.env.docname, term["ids"][0],
                                                  detached(definition) if definition is not None else nodes.definition())
        if self.day and count not in VOCABULARY_SIZE:
            self.warn(f"the vocabulary sweep has {count} terms (a lesson defines 3 to 6: "
                      "move the others to the lesson that introduces them)", "vocabulary")
        return [sweep]


    def content_line(self, text: str) -> int:
        """The line a term is written on (Sphinx's glossary puts its definition's line on it,
        and MyST counts the directive's content from 0)."""
        source, _ = self.get_source_info()
        try:
            lines = source_lines(source)
        except (OSError, UnicodeDecodeError):
            lines = ()
        return next((number for number in range(self.lineno, len(lines) + 1)
                     if lines[number - 1].strip() == text), self.lineno)


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
        course_domain(self.env).wraps[self.env.docname] = detached(node)
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
