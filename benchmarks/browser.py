"""Headless Chromium for the report's browser test and benchmark: the system's Chromium (Debian's `chromium`
package) driven by Playwright, no browser download; None (with the reason) where either is missing."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_path() -> Optional[str]:
    """The Chromium executable: $CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH."""
    given = os.environ.get("CHROMIUM")
    if given:
        return given if Path(given).is_file() else None
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def unavailable() -> str:
    """Why no browser can be launched here ('' when one can)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pip install -e \".[test]\")"
    if chromium_path() is None:
        return "no Chromium on this machine (apt-get install -y chromium; or set CHROMIUM=/path/to/chrome)"
    return ""


@contextmanager
def launch() -> Iterator:
    """A Playwright Browser on the system's Chromium with a fresh profile folder, or None when there is none."""
    if unavailable():
        yield None
        return
    from playwright.sync_api import sync_playwright
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(profile, executable_path=chromium_path(), headless=True,
                                                            args=FLAGS, viewport={"width": 1400, "height": 900})
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(html: Path, png: Path, fragment: str = "", click: str = "") -> None:
    """A screenshot of a report (opened at `fragment`, after clicking the element `click`), as in the README."""
    with launch() as browser:
        if browser is None:
            raise SystemExit(f"no browser: {unavailable()}")
        page = browser.new_page()
        page.goto(html.resolve().as_uri() + fragment)
        page.wait_for_function("document.body.dataset.ready === '1'")
        if click:
            page.click(click)
        page.wait_for_timeout(300)
        page.screenshot(path=str(png))


if __name__ == "__main__":  # python -m benchmarks.browser data/extracted/report.html docs/report.png ['#doc=0'] [CSS]
    import sys
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:5])
