"""Theme fixes: what furo, sphinx-design and Sphinx send to every web page, mended.

* furo's drawers (navigation, table of contents) open and close from the keyboard
  (`_static/js/drawer-keys.js`).
* furo copies a table's id onto its wrapper div: the table alone keeps it (`OneIdPerTable`).
* Scripts a page does not use are not sent: sphinx-design's tab script without tab sets,
  Sphinx's search-term highlighter unless a search brought the reader (a tiny loader,
  `highlight_loader.js`, fetches it then).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .builders import is_web

KEYBOARD_SCRIPT = "js/drawer-keys.js"
TABS_SCRIPT = "design-tabs.js"  # sphinx-design adds it to every page; only tab sets need it
HIGHLIGHT_SCRIPT = "sphinx_highlight.js"  # Sphinx's search-term highlighter, on every page
#: Loads the highlighter only when a search result brought the reader here (the search page
#: leaves the terms in localStorage, or they come as ?highlight=), as sphinx_highlight.js
#: reads them. Inlined in each page: one line, not worth a request.
HIGHLIGHT_LOADER = Path(__file__).with_name("highlight_loader.js").read_text(encoding="utf-8").strip()


def mend_scripts(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                 doctree: nodes.document | None) -> None:
    if not is_web(app.builder):
        return
    app.add_js_file(KEYBOARD_SCRIPT)
    unused = set()
    if doctree is None or not _has_tab_set(doctree):
        unused.add(TABS_SCRIPT)
    if pagename != "search":
        unused.add(HIGHLIGHT_SCRIPT)
        app.add_js_file(None, body=HIGHLIGHT_LOADER)
    # A new list: runs after the other features have added their scripts (connected last).
    context["script_files"] = [js for js in context.get("script_files", [])
                               if Path(str(getattr(js, "filename", js) or "")).name not in unused]


def _tab_set(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and "sd-tab-set" in node.get("classes", [])


def _has_tab_set(doctree: nodes.document) -> bool:
    # sphinx-design's tab sets are containers: walking only those is many times faster than
    # asking `_tab_set` of every node and every piece of text on the page.
    return any(_tab_set(node) for node in doctree.findall(nodes.container))


class OneIdPerTable(SphinxPostTransform):
    """furo wraps each table in a div and copies the table's id onto it; the table keeps it.

    Two elements with one id break `#id` links and assistive technology's references.
    """

    formats = ("html",)
    default_priority = 501  # right after furo's wrapper (500)

    def run(self, **kwargs: Any) -> None:
        for table in self.document.findall(nodes.table):
            wrapper = table.parent
            if isinstance(wrapper, nodes.container) and "table-wrapper" in wrapper["classes"]:
                wrapper["ids"] = [i for i in wrapper["ids"] if i not in table["ids"]]


def setup_theme_fixes(app: Sphinx) -> None:
    app.connect("html-page-context", mend_scripts)
    app.add_post_transform(OneIdPerTable)
