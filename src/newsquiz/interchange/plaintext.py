"""Outside text made safe for a bank: HTML to plain text, no control characters."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

# C0 and C1 controls other than tab and newline, DEL, and the line and paragraph
# separators: a bank refuses them, a terminal might act on them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_RUNS = re.compile(r"[ \t\u00a0]+")
_BREAKS = re.compile(r" ?\n[ \n]*")


class _TextCollector(HTMLParser):
    """Keeps the text of an HTML fragment, a line break for each block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """The text a reader sees in an HTML fragment: tags gone, entities decoded."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    text = _RUNS.sub(" ", "".join(collector.parts))
    return _BREAKS.sub("\n", text).strip()


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text)) or ("&" in text and html.unescape(text) != text)


def clean(text: str) -> str:
    """Text a bank accepts: NFC, no control characters, trimmed."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub(" ", text).strip()


def shown(text: str, limit: int = 60) -> str:
    """Outside text inside a message: control characters made visible, length capped."""
    visible = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return visible if len(visible) <= limit else visible[: limit - 1] + "…"


def one_line(text: str) -> str:
    """The text on a single line (Aiken, CSV cells read by people, titles)."""
    return " ".join(text.split())
