"""Run the installed `newsquiz` in a pseudo-terminal and read its screen as a person would.

pexpect drives the program; pyte plays the terminal, so cursor moves and
redraws end up as the lines a learner sees.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pyte

NEWSQUIZ = Path(sys.executable).with_name("newsquiz")


class Screen:
    def __init__(
        self, *args: str, cwd: Path, columns: int, lines: int = 50, lang: str = "C.UTF-8"
    ) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
        # pyte does not answer cursor-position requests: tell prompt_toolkit not to ask.
        env.update(TERM="xterm-256color", NO_COLOR="1", LANG=lang, PROMPT_TOOLKIT_NO_CPR="1")
        env.pop("COLUMNS", None)
        self.terminal = pyte.Screen(columns, lines)
        self.terminal.set_mode(pyte.modes.LNM)
        self.stream = pyte.Stream(self.terminal)
        self.child = pexpect.spawn(
            str(NEWSQUIZ),
            list(args),
            cwd=str(cwd),
            env=env,
            encoding="utf-8",
            dimensions=(lines, columns),
            timeout=20,
        )
        self.transcript: list[str] = []

    def _feed(self) -> None:
        while not self.child.closed:
            try:
                chunk = self.child.read_nonblocking(65536, timeout=0.05)
            except (pexpect.TIMEOUT, pexpect.EOF):
                return
            self.stream.feed(chunk)

    def lines(self) -> list[str]:
        self._feed()
        return [line.rstrip() for line in self.terminal.display]

    def text(self) -> str:
        return "\n".join(self.lines()).strip("\n")

    def wait_for(self, needle: str, timeout: float = 20) -> str:
        """The screen once ``needle`` is on it (spaces of any kind match)."""
        end = time.monotonic() + timeout
        wanted = _plain(needle)
        while time.monotonic() < end:
            text = self.text()
            if wanted in _plain(text):
                return text
            if not self.child.isalive():
                self._feed()
                if wanted in _plain(self.text()):
                    return self.text()
                break
            time.sleep(0.05)
        raise AssertionError(f"{needle!r} never appeared on screen:\n{self.text()}")

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF, timeout=20)
        self._feed()
        self.child.close()
        assert self.child.exitstatus is not None, self.child.signalstatus
        return self.child.exitstatus


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")
