"""The questions of a bank read from the cache, each built the first time it is asked for.

`newsquiz play -n 1` on a bank of 50,000 questions then builds one question,
not 50,000: the others stay as their compact records.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

from newsquiz.model import Question

Decode = Callable[[Any, Any], Any]


class BankChanged(RuntimeError):
    """A record could not be read and the bank file, read again, no longer has as many
    questions: the file changed meanwhile (or the cache entry was forged). Nothing is
    mixed; the command says so and stops."""


class LazyQuestions(Sequence[Question]):
    """A read-only sequence of questions that equals the tuple it stands for."""

    __slots__ = ("_body", "_built", "_context", "_decode", "_fallback", "_starts")

    def __init__(
        self,
        body: bytes | memoryview,
        starts: array[int],
        decode: Decode,
        context: object,
        fallback: Callable[[], Sequence[Question]],
    ) -> None:
        """Question ``i`` is the JSON text ``body[starts[i]:starts[i + 1] - 1]``."""
        self._body = body
        self._starts = starts
        self._built: list[Question | None] = [None] * (len(starts) - 1)
        self._decode = decode
        self._context = context
        self._fallback = fallback

    def __len__(self) -> int:
        return len(self._built)

    @overload
    def __getitem__(self, index: int) -> Question: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Question, ...]: ...

    def __getitem__(self, index: int | slice) -> Question | tuple[Question, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        built = self._built[index]
        if built is None:
            built = self._build(index % len(self._built))
        return built

    def _build(self, index: int) -> Question:
        record = bytes(self._body[self._starts[index] : self._starts[index + 1] - 1])
        try:
            question = self._decode(json.loads(record), self._context)
            if not isinstance(question, Question):
                raise TypeError("not a question")
        except (ValueError, TypeError, IndexError, KeyError, RecursionError):
            # The entry's checksum held, so only a bug gets here: read the file again.
            return self._rebuild(index)
        self._built[index] = question
        return question

    def _rebuild(self, index: int) -> Question:
        again = self._fallback()
        if len(again) != len(self._built):
            raise BankChanged("the bank changed while it was being read")
        self._built = list(again)
        question = self._built[index]
        assert question is not None
        return question

    def __iter__(self) -> Iterator[Question]:
        for index in range(len(self._built)):
            yield self[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"LazyQuestions({len(self)} questions)"
