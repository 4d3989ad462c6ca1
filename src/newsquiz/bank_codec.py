"""A bank as compact JSON records, derived from the model's dataclasses.

Nothing here is written field by field: the encoder and the strict decoder are
built from each dataclass's fields and type hints, so a field added to the
model is carried without touching this module, and the fingerprint of the
derived schema changes, which makes every cache entry written before it stale.

The records are data only (JSON numbers, lists and indexes into a table of
strings); decoding checks every value against the type the model declares
and never runs anything the file says.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import json
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from newsquiz.diagnostics import Problem
from newsquiz.model import Bank, Location, QuestionBase

# Raise this when the way values are written changes without the model changing.
CODEC_VERSION = 1

# Fields that say where a bank was read from, not what it holds: filled in when
# decoding, so one entry serves however the file is named on the command line.
_CONTEXT_FIELDS: Mapping[tuple[type, str], str] = {
    (Location, "path"): "shown",
    (Problem, "path"): "shown",
    (Bank, "path"): "resolved",
}

Encoder = Callable[[Any, "Encoding"], Any]
Decoder = Callable[[Any, "Decoding"], Any]


class CodecError(ValueError):
    """A record that does not fit the model (damaged, foreign, or not ours).

    The one error a reader of cache records meets for any record it cannot use:
    it reads the bank file again instead."""


# What a damaged record can make Python's own code raise, deep in a decoder.
_DAMAGE = (ValueError, TypeError, KeyError, IndexError, RecursionError, OverflowError)


class UnsupportedType(TypeError):
    """A model field whose type the codec cannot carry: the cache stays off."""


class Encoding:
    """What writing one bank collects: its table of distinct strings."""

    def __init__(self, context: Mapping[str, str]) -> None:
        self.context = context
        self.index: dict[str, int] = {}

    def string(self, value: str) -> int:
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.index)
        return found

    @property
    def strings(self) -> list[str]:
        return list(self.index)


class Decoding:
    """What reading one bank shares: the strings, and equal values built once."""

    def __init__(self, strings: list[str], context: Mapping[str, str]) -> None:
        self.strings = strings
        self.context = context
        self.shared: dict[Any, Any] = {}

    def share(self, value: Any) -> Any:
        try:
            return self.shared.setdefault(value, value)
        except TypeError:  # unhashable (a mapping inside): keep it as it is
            return value


def read_json(text: bytes | str) -> Any:
    """A record's JSON text as values (:class:`CodecError` if it is not JSON)."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise CodecError(f"not a JSON record: {type(exc).__name__}") from None


@contextlib.contextmanager
def reading(what: str) -> Iterator[None]:
    """Inside, whatever damage to ``what`` makes Python raise becomes a :class:`CodecError`."""
    try:
        yield
    except CodecError:
        raise
    except _DAMAGE as exc:
        raise CodecError(f"{what}: {type(exc).__name__}") from None


def _guarded(coders: tuple[Encoder, Decoder]) -> tuple[Encoder, Decoder]:
    """The same coders, whose decoder raises :class:`CodecError` for any damage."""
    encode, decode = coders

    def guarded(raw: Any, dec: Decoding) -> Any:
        with reading("a damaged record"):
            return decode(raw, dec)

    return encode, guarded


def _fail(what: str, raw: object) -> CodecError:
    return CodecError(f"expected {what}, found {type(raw).__name__}")


def _index(raw: Any) -> int:
    if type(raw) is not int or raw < 0:
        raise _fail("a string index", raw)
    return raw


class Codec:
    """Encoders and decoders for the model, built once from its dataclasses."""

    def __init__(self) -> None:
        self._encoders: dict[Any, Encoder] = {}
        self._decoders: dict[Any, Decoder] = {}
        self._described: list[str] = [f"codec {CODEC_VERSION}"]
        # What the cache reads: each decoder raises only CodecError, whatever the record.
        self.question = _guarded(self._coders(QuestionBase))
        self.problem = _guarded(self._coders(Problem))
        self.bank_head = _guarded(self._dataclass(Bank, skip=("questions",)))
        self.fingerprint = hashlib.sha256("\n".join(self._described).encode()).hexdigest()[:32]

    def _coders(self, hint: Any) -> tuple[Encoder, Decoder]:
        key = repr(hint)
        if key not in self._encoders:
            self._encoders[key], self._decoders[key] = self._build(hint)
        return self._encoders[key], self._decoders[key]

    def _build(self, hint: Any) -> tuple[Encoder, Decoder]:
        origin = typing.get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            return self._union(typing.get_args(hint))
        if origin is tuple:
            return self._tuple(typing.get_args(hint))
        if origin in (list, Sequence, frozenset):
            (item,) = typing.get_args(hint)
            return self._sequence(item, list if origin is list else _SEQUENCES[origin])
        if origin in (dict, Mapping):
            return self._mapping(*typing.get_args(hint))
        if origin is typing.Literal:
            return _literal(typing.get_args(hint))
        if isinstance(hint, type):
            return self._plain(hint)
        raise UnsupportedType(f"the bank cache cannot carry {hint!r}")

    def _plain(self, cls: type) -> tuple[Encoder, Decoder]:
        if cls in _SCALARS:
            return _SCALARS[cls]
        if issubclass(cls, enum.Enum):
            members = ", ".join(repr(m.value) for m in cls)
            self._described.append(f"{cls.__module__}.{cls.__qualname__}: {members}")
            return _enum(cls)
        if dataclasses.is_dataclass(cls):
            kinds = _concrete_dataclasses(cls)
            if len(kinds) == 1:
                return self._dataclass(cls)
            return self._tagged(kinds)
        raise UnsupportedType(f"the bank cache cannot carry {cls!r}")

    def _dataclass(self, cls: type, skip: tuple[str, ...] = ()) -> tuple[Encoder, Decoder]:
        hints = typing.get_type_hints(cls)
        stored: list[tuple[str, Encoder, Decoder]] = []
        context: list[tuple[str, str]] = []
        for item in dataclasses.fields(cls):
            if not item.init or item.name in skip:
                continue
            if (cls, item.name) in _CONTEXT_FIELDS:
                context.append((item.name, _CONTEXT_FIELDS[(cls, item.name)]))
                continue
            hint = hints[item.name]
            self._described.append(f"{cls.__module__}.{cls.__qualname__}.{item.name}: {hint!r}")
            stored.append((item.name, *self._coders(hint)))
        return _record(cls, tuple(stored), tuple(context), build=not skip)

    def _tagged(self, kinds: list[type]) -> tuple[Encoder, Decoder]:
        """A field declared as a base class: each value says which subclass it is."""
        coders = [self._dataclass(kind) for kind in kinds]
        tags = {kind: number for number, kind in enumerate(kinds)}
        self._described.append("one of " + ", ".join(k.__qualname__ for k in kinds))

        def encode(value: Any, enc: Encoding) -> Any:
            tag = tags.get(type(value))
            if tag is None:  # a class defined after the codec was built
                raise CodecError(f"{type(value).__name__} is not known to the bank cache")
            return [tag, *coders[tag][0](value, enc)]

        def decode(raw: Any, dec: Decoding) -> Any:
            if type(raw) is not list or not raw or type(raw[0]) is not int:
                raise _fail("a tagged record", raw)
            if not 0 <= raw[0] < len(coders):
                raise CodecError(f"unknown record kind {raw[0]}")
            return coders[raw[0]][1](raw[1:], dec)

        return encode, decode

    def _union(self, options: tuple[Any, ...]) -> tuple[Encoder, Decoder]:
        real = [o for o in options if o is not type(None)]
        nullable = len(real) < len(options)
        if len(real) == 1:
            inner_encode, inner_decode = self._coders(real[0])

            def encode_optional(value: Any, enc: Encoding) -> Any:
                return None if value is None else inner_encode(value, enc)

            def decode_optional(raw: Any, dec: Decoding) -> Any:
                return None if raw is None else inner_decode(raw, dec)

            return encode_optional, decode_optional
        coders = [self._coders(o) for o in real]
        checks = [_runtime_check(o) for o in real]

        def encode(value: Any, enc: Encoding) -> Any:
            if value is None and nullable:
                return None
            for number, check in enumerate(checks):
                if check(value):
                    return [number, coders[number][0](value, enc)]
            raise CodecError(f"no type of the union fits {type(value).__name__}")

        def decode(raw: Any, dec: Decoding) -> Any:
            if raw is None and nullable:
                return None
            if type(raw) is not list or len(raw) != 2 or type(raw[0]) is not int:
                raise _fail("a union", raw)
            if not 0 <= raw[0] < len(coders):
                raise CodecError("unknown union member")
            return coders[raw[0]][1](raw[1], dec)

        return encode, decode

    def _tuple(self, args: tuple[Any, ...]) -> tuple[Encoder, Decoder]:
        if len(args) == 2 and args[1] is Ellipsis:
            return self._sequence(args[0], tuple)
        coders = [self._coders(a) for a in args]

        def encode(value: Any, enc: Encoding) -> Any:
            return [c[0](v, enc) for c, v in zip(coders, value, strict=True)]

        def decode(raw: Any, dec: Decoding) -> Any:
            if type(raw) is not list or len(raw) != len(coders):
                raise _fail(f"a list of {len(coders)}", raw)
            return dec.share(tuple(c[1](v, dec) for c, v in zip(coders, raw, strict=True)))

        return encode, decode

    def _sequence(self, item: Any, kind: Callable[[Any], Any]) -> tuple[Encoder, Decoder]:
        item_encode, item_decode = self._coders(item)

        def encode(value: Any, enc: Encoding) -> Any:
            return [item_encode(v, enc) for v in value]

        def decode(raw: Any, dec: Decoding) -> Any:
            if type(raw) is not list:
                raise _fail("a list", raw)
            return dec.share(kind(item_decode(v, dec) for v in raw))

        return encode, decode

    def _mapping(self, key: Any, value: Any) -> tuple[Encoder, Decoder]:
        key_encode, key_decode = self._coders(key)
        value_encode, value_decode = self._coders(value)

        def encode(mapping: Any, enc: Encoding) -> Any:
            return [[key_encode(k, enc), value_encode(v, enc)] for k, v in mapping.items()]

        def decode(raw: Any, dec: Decoding) -> Any:
            if type(raw) is not list:
                raise _fail("a list of pairs", raw)
            result = {}
            for pair in raw:
                if type(pair) is not list or len(pair) != 2:
                    raise _fail("a pair", pair)
                result[key_decode(pair[0], dec)] = value_decode(pair[1], dec)
            return result

        return encode, decode


_SEQUENCES: Mapping[Any, Callable[[Any], Any]] = {Sequence: tuple, frozenset: frozenset}


def _record(
    cls: type,
    stored: tuple[tuple[str, Encoder, Decoder], ...],
    context: tuple[tuple[str, str], ...],
    *,
    build: bool,
) -> tuple[Encoder, Decoder]:
    """A dataclass as the list of its stored fields, in the order they are declared.

    With ``build`` false, decoding gives the values by field name (the caller
    adds the fields it keeps apart, such as a bank's questions).
    """
    count = len(stored)

    def encode(value: Any, enc: Encoding) -> Any:
        for name, key in context:
            if getattr(value, name) != enc.context[key]:
                raise CodecError(f"{cls.__name__}.{name} is not where the bank was read")
        return [field_encode(getattr(value, name), enc) for name, field_encode, _ in stored]

    def decode(raw: Any, dec: Decoding) -> Any:
        if type(raw) is not list or len(raw) != count:
            raise _fail(f"a {cls.__name__} record", raw)
        values = {
            name: field_decode(v, dec)
            for (name, _, field_decode), v in zip(stored, raw, strict=True)
        }
        for name, key in context:
            values[name] = dec.context[key]
        if not build:
            return values
        try:
            return cls(**values)
        except (TypeError, ValueError) as exc:
            raise CodecError(f"{cls.__name__}: {exc}") from None

    return encode, decode


def _concrete_dataclasses(cls: type) -> list[type]:
    """The class and every dataclass under it, in a stable order."""
    found: dict[str, type] = {}
    pending = [cls]
    while pending:
        kind = pending.pop()
        if dataclasses.is_dataclass(kind):
            found[f"{kind.__module__}.{kind.__qualname__}"] = kind
        pending.extend(kind.__subclasses__())
    return [found[name] for name in sorted(found)]


def _runtime_check(hint: Any) -> Callable[[Any], bool]:
    origin = typing.get_origin(hint) or hint
    if not isinstance(origin, type):
        raise UnsupportedType(f"the bank cache cannot tell {hint!r} apart in a union")
    if origin is float:
        return lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
    if origin is Sequence:
        origin = tuple
    return lambda v: isinstance(v, origin)


def _text_coders() -> tuple[Encoder, Decoder]:
    def encode(value: Any, enc: Encoding) -> Any:
        return enc.string(value)

    def decode(raw: Any, dec: Decoding) -> Any:
        try:
            return dec.strings[_index(raw)]
        except IndexError:
            raise CodecError("a string index past the table") from None

    return encode, decode


def _simple(kind: type, convert: Callable[[Any], Any] | None = None) -> tuple[Encoder, Decoder]:
    def encode(value: Any, enc: Encoding) -> Any:
        return convert(value) if convert else value

    def decode(raw: Any, dec: Decoding) -> Any:
        if type(raw) is not kind:
            raise _fail(kind.__name__, raw)
        return raw

    return encode, decode


def _number_coders() -> tuple[Encoder, Decoder]:
    def encode(value: Any, enc: Encoding) -> Any:
        return float(value)

    def decode(raw: Any, dec: Decoding) -> Any:
        if type(raw) is not float:
            raise _fail("float", raw)
        return dec.share(raw)

    return encode, decode


def _date_coders(kind: type[dt.date]) -> tuple[Encoder, Decoder]:
    text_encode, text_decode = _text_coders()

    def encode(value: Any, enc: Encoding) -> Any:
        return text_encode(value.isoformat(), enc)

    def decode(raw: Any, dec: Decoding) -> Any:
        text = text_decode(raw, dec)
        try:
            return dec.share(kind.fromisoformat(text))
        except ValueError:
            raise CodecError(f"not a date: {text!r}") from None

    return encode, decode


_SCALARS: Mapping[type, tuple[Encoder, Decoder]] = {
    str: _text_coders(),
    bool: _simple(bool),
    int: _simple(int),
    float: _number_coders(),
    type(None): _simple(type(None)),
    dt.date: _date_coders(dt.date),
    dt.datetime: _date_coders(dt.datetime),
}


def _enum(cls: type[enum.Enum]) -> tuple[Encoder, Decoder]:
    def encode(value: Any, enc: Encoding) -> Any:
        return value.value

    def decode(raw: Any, dec: Decoding) -> Any:
        try:
            return cls(raw)
        except (ValueError, TypeError):
            raise CodecError(f"not a {cls.__name__}") from None

    return encode, decode


def _literal(values: tuple[Any, ...]) -> tuple[Encoder, Decoder]:
    def encode(value: Any, enc: Encoding) -> Any:
        return values.index(value)

    def decode(raw: Any, dec: Decoding) -> Any:
        if type(raw) is not int or not 0 <= raw < len(values):
            raise _fail("a literal", raw)
        return values[raw]

    return encode, decode


@functools.cache
def codec() -> Codec:
    """The codec of the model as it is now (built on first use: it reads the type hints)."""
    return Codec()
