"""What the arrow-key prompts add to questionary: a ticking countdown, and no type-ahead.

questionary builds each prompt as a prompt_toolkit application; these helpers
adjust that application before it runs.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TextIO

from newsquiz.interface.messages import Messages


def countdown_text(
    deadline: float, say: Messages, now: Callable[[], float] = time.monotonic
) -> str:
    """``0 min 42 s left``: what the countdown shows at this moment."""
    left = max(int(deadline - now() + 0.999), 0)
    return say("question.time_left", minutes=left // 60, seconds=left % 60)


def add_countdown(application: Any, deadline: float, say: Messages) -> None:
    """Show the time left at the bottom of the prompt, refreshed every second."""
    from prompt_toolkit.filters import is_done
    from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    toolbar = Window(
        FormattedTextControl(lambda: [("class:instruction", countdown_text(deadline, say))]),
        height=1,
    )
    body = application.layout.container
    application.layout = Layout(HSplit([body, ConditionalContainer(toolbar, filter=~is_done)]))
    application.refresh_interval = 1.0


def let_errors_wrap(application: Any) -> None:
    """Give a text prompt's validation error as many rows as it needs: prompt_toolkit
    draws it in one row, cut at the terminal's edge."""
    from prompt_toolkit.filters import to_filter
    from prompt_toolkit.layout import Window, walk
    from prompt_toolkit.layout.controls import FormattedTextControl

    for container in walk(application.layout.container):
        if not (
            isinstance(container, Window) and isinstance(container.content, FormattedTextControl)
        ):
            continue
        source = getattr(container.content.text, "__qualname__", "")
        if source.startswith("ValidationToolbar."):
            container.height = None
            container.wrap_lines = to_filter(True)


def discard_typeahead(stream: TextIO | None = None) -> None:
    """Forget keys typed before the prompt appeared (a student still typing when time ran out)."""
    stream = stream or sys.stdin
    try:
        import termios

        if stream.isatty():
            termios.tcflush(stream.fileno(), termios.TCIFLUSH)
    except (ImportError, OSError, ValueError, AttributeError):
        pass  # not a terminal (or not a POSIX one): nothing was typed ahead


def ask_now(prompt: Any) -> Any:
    """questionary's ``unsafe_ask``, except that SIGINT sent by another program (``kill
    -INT``) stops the prompt as the Ctrl-C key does, instead of being swallowed."""
    return prompt.application.run(handle_sigint=False)


def run_prompt(prompt: Any, deadline: float | None, say: Messages) -> Any:
    """Ask one questionary prompt; with a deadline, show the countdown and close the
    prompt (raising TimeoutError) when the time runs out."""
    app = prompt.application
    let_errors_wrap(app)
    if deadline is None:
        return ask_now(prompt)
    add_countdown(app, deadline, say)

    def expire() -> None:
        if app.is_running and app.future is not None and not app.future.done():
            app.exit(exception=TimeoutError())

    def from_timer() -> None:
        loop = getattr(app, "loop", None)
        if loop is not None:
            loop.call_soon_threadsafe(expire)

    timer = threading.Timer(max(deadline - time.monotonic(), 0.0), from_timer)
    timer.daemon = True
    timer.start()
    try:
        return ask_now(prompt)
    finally:
        timer.cancel()


def echo_answer(text: str, question: str = "") -> None:
    """Leave the question and its answer on screen, wrapped between words and in the
    learner's language (where questionary would write ``done (2 selections)``)."""
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    asked = f"{question} " if question else ""
    line = fit(f"› {asked}{text}", 2)
    cut = len(asked) + 2
    print_formatted_text(FormattedText([("", line[:cut]), ("bold", line[cut:])]))


def columns() -> int:
    """The terminal's width, never more than the reading width."""
    import shutil

    return min(shutil.get_terminal_size((80, 24)).columns, 100)


def fit(text: str, indent: int) -> str:
    """Text for a menu line that starts ``indent`` columns in: wrapped between words,
    never cut by the terminal's edge, continuation lines under the first, French
    punctuation kept with its word."""
    from newsquiz.interface.typography import NARROW_NBSP, NBSP, french_spacing, wrap_words

    width = max(columns() - indent - 1, 20)
    # French punctuation keeps its word: the spaces inside « » and before ? ! : ;
    # become no-break ones, where wrap_words never breaks.
    kept = french_spacing(text, wide=NBSP, narrow=NARROW_NBSP)
    return wrap_words(kept, width, " " * indent)


def show_question(text: str) -> None:
    """A menu's question on lines of its own, wrapped between words."""
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    print_formatted_text(FormattedText([("bold", "› " + fit(text, 2))]))
