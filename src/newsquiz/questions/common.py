"""What the question type modules share: how a type's loading rules hand back a question.

A type's ``read`` checks its own fields and returns a :data:`Build`: given the
fields every question has (id, prompt, tags...), it makes the question, or
returns None after reporting a problem only the whole question shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsquiz.model import Question

Build = Callable[[dict[str, Any]], Question | None]
