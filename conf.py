"""Sphinx configuration for the course. Course facts live here once: title, authors, weeks."""

import os
import sys

sys.path.insert(0, os.path.abspath("_ext"))

# -- The course -------------------------------------------------------------
project = "AI Asks"
author = "Shivali & Girish"
copyright = "2026, Shivali & Girish"
version = release = "2026.11"
language = "en"

course_days = 21
course_weeks = {
    1: "The Foundations",
    2: "The Layers",
    3: "The Launch",
}

# -- Extensions ---------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_copybutton",
    "sphinx.ext.doctest",
    "course",
]

myst_enable_extensions = ["colon_fence", "deflist", "smartquotes"]
myst_title_to_header = True  # a lesson's title is its front matter `title`
myst_heading_anchors = 2

exclude_patterns = [
    # Only the book is a source: not tooling, tests, hidden folders or dependencies.
    "_build", ".*", "**/.*", "**/node_modules", "README.md", "CONTRIBUTING.md",
    "tests", "bench", "tools", "Thumbs.db", ".DS_Store",
]
templates_path = ["_templates"]

# Readers copy code, not prompts or output.
copybutton_prompt_text = r">>> |\.\.\. "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

# The doctest builder runs only what a page shows.
doctest_test_doctest_blocks = ""

# -- HTML -----------------------------------------------------------------------
html_theme = "furo"
html_title = project
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
