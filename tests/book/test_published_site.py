"""The site as Read the Docs publishes it (under /en/latest/): absolute addresses, links out."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from tests.conftest import READ_THE_DOCS, Build

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = READ_THE_DOCS["READTHEDOCS_CANONICAL_URL"]


def test_sitemap_and_canonical_links_are_absolute(published_build: Build) -> None:
    out = published_build.outdir
    listed = [url.text or "" for url in ElementTree.parse(out / "sitemap.xml").iter(f"{SITEMAP}loc")]
    assert len(listed) >= 21 + 5
    assert all(url.startswith(BASE) for url in listed), [u for u in listed if not u.startswith(BASE)]
    assert f"{BASE}week2/day-09.html" in listed
    assert f"Sitemap: {BASE}sitemap.xml" in (out / "robots.txt").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', published_build.page("week2/day-09.html"))
    assert canonical and canonical.group(1) == f"{BASE}week2/day-09.html"


def test_the_404_page_works_under_the_sub_path(published_build: Build) -> None:
    assert '<base href="/en/latest/">' in published_build.page("404.html")


def test_every_page_links_to_the_downloads_the_source_and_the_licences(published_build: Build) -> None:
    day9 = published_build.page("week2/day-09.html")
    assert re.search(r'Download: <a href="\.\./ai-asks\.pdf" download>PDF</a>\s*· '
                     r'<a href="\.\./ai-asks\.epub" download>ePub</a>', day9)
    assert 'href="https://github.com/example/ai-asks/blob/main/week2/day-09.md">View source' in day9
    assert 'href="https://github.com/example/ai-asks/edit/main/week2/day-09.md">Suggest a change' in day9
    for page in ("index.html", "glossary.html", "search.html", "404.html"):
        html = published_build.page(page)
        assert 'rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0' in html
        assert 'rel="license" href="https://opensource.org/license/mit">MIT' in html


def test_a_plain_build_links_to_no_download_it_does_not_publish(html_build: Build) -> None:
    assert "Download:" not in html_build.page("week2/day-09.html")
    assert "View source" not in html_build.page("week2/day-09.html")
    assert "CC BY 4.0" in html_build.page("week2/day-09.html")
