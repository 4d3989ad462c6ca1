"""The class report's HTML page, read as a browser reads it.

The page is checked in a real headless Chromium (Debian's `chromium` package;
`.ci/run` installs it when it can). Where no Chromium is installed the browser
tests are skipped with the reason; the checks on the page's text still run.
The screenshot is kept in pytest's temporary folder, never in the repository.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from browser import Browser, find_chromium
from class_results import session_document, write_class
from newsquiz.cli import main
from newsquiz.context import Environment

HOSTILE = '<script>document.title="pwned";window.pwned=1</script><img src=x onerror=alert(1)>'


def make_page(folder: Path, lang: str = "en") -> Path:
    (folder / "class").mkdir()
    write_class(folder / "class")
    hostile = session_document(HOSTILE, ["Nice", ["a", "d"], "</td><b>Dakar</b>", "4"])
    (folder / "class" / "hostile.json").write_text(json.dumps(hostile), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdout=out, stderr=err, environ={"LANG": lang}, cwd=folder)
    code = main(["report", "class", "--html", "class.html", "--lang", lang], env)
    assert code == 0, err.getvalue()
    assert "class.html" in err.getvalue()
    return folder / "class.html"


def test_the_page_is_self_contained_and_escapes_what_students_wrote(tmp_path: Path) -> None:
    html = make_page(tmp_path).read_text(encoding="utf-8")
    assert "&lt;script&gt;" in html
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;/td&gt;&lt;b&gt;Dakar&lt;/b&gt;" in html
    # No outside resource: nothing fetched over the network or from another file.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//|file:)""", html)
    assert "@media print" in html


def test_the_page_speaks_french(tmp_path: Path) -> None:
    html = make_page(tmp_path, "fr").read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    assert "Bilan de la classe" in html and "Facilité" in html


@pytest.fixture
def chromium() -> str:
    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium installed (apt-get install chromium) to check the HTML page")
    return executable


def test_the_page_in_a_real_browser(tmp_path: Path, chromium: str) -> None:
    page = make_page(tmp_path)
    # A browser that dies or stops answering on a loaded machine is the test
    # rig failing, not the page: start a fresh one once. A wrong page fails
    # with an AssertionError, which is never retried.
    for attempt in (1, 2):
        browser = Browser(chromium)
        try:
            check_in_browser(page, browser, tmp_path)
            return
        except (ConnectionError, TimeoutError):
            if attempt == 2:
                raise
        finally:
            browser.close()


def check_in_browser(page: Path, browser: Browser, tmp_path: Path) -> None:
    browser.open(page)
    assert browser.console_errors() == []
    assert browser.evaluate("document.querySelectorAll('script').length") == 0
    assert browser.evaluate("document.title") == "Class report — Class bank"
    assert browser.evaluate("window.pwned === undefined") is True
    tables = browser.evaluate(
        "[...document.querySelectorAll('table')].map(t => [t.className, t.rows.length])"
    )
    # Students: a heading and 11 students; questions: a heading and 4; tags: a heading and 2.
    assert tables == [["students", 12], ["questions", 5], ["tags", 3]]
    names = browser.evaluate(
        "[...document.querySelectorAll('table.students tbody tr td:first-child')]"
        ".map(td => td.textContent)"
    )
    assert HOSTILE in names
    visible = browser.evaluate("document.querySelector('table.students').offsetHeight > 0")
    assert visible is True
    facility = browser.evaluate(
        "document.querySelector('table.questions tbody tr').children[3].textContent.trim()"
    )
    assert facility.startswith("0.36")
    shot = tmp_path / "class-report.png"
    browser.screenshot(shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_the_page_can_go_to_standard_output_alone(tmp_path: Path) -> None:
    (tmp_path / "class").mkdir()
    write_class(tmp_path / "class")
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdout=out, stderr=err, environ={"LANG": "en"}, cwd=tmp_path)
    assert main(["report", "class", "--html", "-"], env) == 0
    assert out.getvalue().startswith("<!DOCTYPE html>")
    assert "Students\n" not in out.getvalue()
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdout=out, stderr=err, environ={"LANG": "en"}, cwd=tmp_path)
    assert main(["report", "class", "--html", "-", "--json"], env) == 2
    assert "only one of --json, --csv - and --html - can go to standard output" in err.getvalue()


def test_the_page_is_written_through_a_link_and_never_into_a_folder(tmp_path: Path) -> None:
    (tmp_path / "class").mkdir()
    write_class(tmp_path / "class")
    (tmp_path / "real.html").write_text("old", encoding="utf-8")
    (tmp_path / "page.html").symlink_to("real.html")
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), environ={}, cwd=tmp_path)
    assert main(["report", "class", "--html", "page.html"], env) == 0
    assert (tmp_path / "page.html").is_symlink()
    assert "<!DOCTYPE html>" in (tmp_path / "real.html").read_text(encoding="utf-8")
    err = io.StringIO()
    env = Environment(stdout=io.StringIO(), stderr=err, environ={}, cwd=tmp_path)
    assert main(["report", "class", "--html", "class"], env) == 2
    assert "cannot write class: it is a folder" in err.getvalue()
