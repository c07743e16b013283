"""Open a deck in Debian's headless Chromium with every request outside the deck blocked."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, Route, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",  # needed as root
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--autoplay-policy=no-user-gesture-required",
]


@dataclass
class Visit:
    """A page with the deck loaded, and every URL the browser asked for."""

    page: Page
    allowed: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


@contextmanager
def open_deck(index: Path) -> Iterator[Visit]:
    """Load ``index`` from disk; only files inside its folder may be fetched."""
    inside = index.parent.resolve().as_uri() + "/"
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 720},
            offline=True,
        )
        visit = Visit(context.new_page())

        def route(r: Route) -> None:
            url = r.request.url
            if url.startswith(inside):
                visit.allowed.append(url)
                r.continue_()
            else:
                visit.blocked.append(url)
                r.abort()

        try:
            context.route("**/*", route)
            visit.page.goto(index.resolve().as_uri())
            yield visit
        finally:
            context.close()
