"""The built site in a real browser: headless Chromium opens every page from disk (file:// URLs).

Every page is opened at a desktop width (1280 px) and a phone width (390 px). A page fails on:
not loading, any request leaving the machine (the site must work offline), an image that does
not decode (naturalWidth 0) or has no alt text (a chart must say what it shows), a document
wider than the window at either width, as loaded or with every fold opened (a chart, table or
menu that pushes the page sideways),
a link to a missing local file or anchor, or a JavaScript error. The landing page is saved as
``site/landing.png`` to look at.

Chromium is Debian's ``/usr/bin/chromium`` driven by Playwright (never ``playwright install``).
Without it the test is skipped on a developer's machine, but fails in CI (``CI`` set).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from helpers.notebooks import notebook_paths
from helpers.paths import SITE_DIR
from helpers.site import build_site

CHROMIUM = Path("/usr/bin/chromium")
WIDTHS = (1280, 390)  # a desktop column and a phone
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# What every page reports back: images that failed or say nothing, its width, local links and ids.
# `wideElements` names the outermost elements reaching past the window, to say what to fix.
_INSPECT = """() => {
  const view = window.innerWidth;
  const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                    (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '');
  return {
    title: document.title,
    hasNav: !!document.querySelector('nav.site'),
    brokenImages: [...document.images].filter(i => !i.complete || i.naturalWidth === 0)
                                      .map(i => i.src.slice(0, 80)),
    unlabelled: [...document.images].filter(i => !(i.alt || '').trim()).map(i => i.src.slice(0, 60))
      .concat([...document.querySelectorAll('svg')].filter(s => !s.closest('svg:not(:scope)') &&
        !(s.getAttribute('aria-label') || '').trim() && !s.querySelector('title')).map(() => 'inline svg')),
    view: view,
    width: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    wideElements: [...document.body.querySelectorAll('*')]
      .filter(e => e.getBoundingClientRect().right > view + 1 && !clipped(e)).slice(0, 3).map(name),
    links: [...document.querySelectorAll('a[href]')].map(a => a.href)
                                                    .filter(h => h.startsWith('file:')),
    ids: [...document.querySelectorAll('[id]')].map(e => e.id),
  };
}"""


def _browser_or_skip():
    """Return Playwright's sync API, skipping (locally) or failing (CI) when it cannot run."""
    in_ci = bool(os.environ.get("CI"))
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if in_ci:
            pytest.fail("playwright is not installed, and CI needs the browser test")
        pytest.skip("playwright is not installed (pip install playwright; no `playwright install`)")
    if not CHROMIUM.exists():
        if in_ci:
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must `apt-get install -y chromium`")
        pytest.skip(f"{CHROMIUM} not found: `apt-get install -y chromium` to run the browser test")
    return sync_playwright


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    """Build the collection (or, while it has no notebook, the test fixture notebook) to a temp folder."""
    tmp = tmp_path_factory.mktemp("browser")
    notebooks = notebook_paths()
    if not notebooks:
        from test_site import make_fixture_notebook

        notebooks = [make_fixture_notebook(tmp)]
    build_site(tmp / "site", notebooks=notebooks)
    return tmp / "site"


def _visit(page, url: str, problems: list[str]) -> dict:
    """Open one page, returning what it reports; problems found on the way go to ``problems``."""
    try:
        page.goto(url, wait_until="load", timeout=20_000)
    except Exception as error:  # a page that does not load at all
        problems.append(f"{url}: did not load ({error})")
        return {"links": [], "ids": []}
    found = page.evaluate(_INSPECT)
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    unfolded = page.evaluate(_INSPECT)  # menus, folded tables and schemas open must fit too
    at = f"{url} at {found['view']} px"
    if not found["title"] or not found["hasNav"]:
        problems.append(f"{at}: page is empty or has no navigation bar")
    problems += [f"{at}: image did not load: {src}" for src in found["brokenImages"]]
    problems += [f"{at}: chart without alt text: {src}" for src in found["unlabelled"]]
    for state, report in (("", found), (" with every fold open", unfolded)):
        if report["width"] > report["view"]:
            problems.append(f"{at}: the page{state} is {report['width']} px wide, wider than the window "
                            f"(reaching past it: {', '.join(report['wideElements']) or 'unknown'})")
    return found


def _check_links(reports: dict[str, dict], problems: list[str]) -> None:
    """Check that each local link points to an existing file and, for a page anchor, an id on it."""
    for url, found in reports.items():
        for link in found["links"]:
            parts = urlsplit(link)
            target = Path(unquote(parts.path))
            if not target.is_file():
                problems.append(f"{url}: broken link {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = reports.get(target.as_uri(), {}).get("ids", [])
                if parts.fragment not in ids and unquote(parts.fragment) not in ids:  # browsers try both
                    problems.append(f"{url}: link to a missing anchor {link}")


def inspect_site(site: Path, sync_playwright, screenshot: Path | None = None) -> tuple[int, list[str]]:
    """Open every page of ``site`` in Chromium at each width; return the number of pages and the problems."""
    problems: list[str] = []
    reports: dict[str, dict] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 800})
            page.on("pageerror", lambda error, p=page: problems.append(f"{p.url}: JavaScript error: {error}"))
            page.on("console", lambda msg, p=page: msg.type == "error"
                    and problems.append(f"{p.url}: console: {msg.text}"))
            page.on("requestfailed", lambda req, p=page: problems.append(f"{p.url}: request failed: {req.url[:100]}"))

            def offline_only(route, p=page):
                if route.request.url.startswith(("file:", "data:")):
                    return route.continue_()
                problems.append(f"{p.url}: requested a remote resource {route.request.url}")
                return route.abort()

            page.route("**/*", offline_only)
            for html_file in sorted(site.glob("*.html")):
                reports[html_file.as_uri()] = _visit(page, html_file.as_uri(), problems)
            if screenshot is not None and width == WIDTHS[0]:
                page.goto((site / "index.html").as_uri())
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
            page.close()
        browser.close()
    _check_links(reports, problems)
    return len(reports), problems


def test_every_page_loads_in_chromium(built_site: Path):
    sync_playwright = _browser_or_skip()
    n_pages, problems = inspect_site(built_site, sync_playwright, screenshot=SITE_DIR / "landing.png")
    assert n_pages >= 4, "expected a landing page, data.html, sources.html and notebook pages"
    assert not problems, "\n".join(problems)


def test_headline_cards_long_tables_and_wide_charts_fit_a_phone(tmp_path):
    """Synthetic notebooks: headline cards with thumbnails, a 12-inch chart, a table cell with a long URL."""
    sync_playwright = _browser_or_skip()
    from test_site import build_headline_site

    _, problems = inspect_site(build_headline_site(tmp_path), sync_playwright)
    assert not problems, "\n".join(problems)


def test_a_page_wider_than_the_window_fails(tmp_path):
    """The width check bites: a page holding an unshrinkable 900 px box is reported at 390 px only."""
    sync_playwright = _browser_or_skip()
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1">'
        '<title>Wide</title></head><body><nav class="site"></nav><div style="width:900px">x</div>'
        '<img src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnIHdpZHRoPScxJyBoZWln'
        'aHQ9JzEnLz4=">'
        "</body></html>", encoding="utf-8")
    _, problems = inspect_site(tmp_path, sync_playwright)
    assert any("at 390 px: the page is" in p and "div" in p for p in problems), problems
    assert not any("at 1280 px: the page is" in p for p in problems), problems
    assert sum("chart without alt text" in p for p in problems) == len(WIDTHS), problems
