"""Every interface language says everything, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from newsquiz.interface.messages import Messages, catalogue, interface_language
from newsquiz.locales import LANGUAGES
from newsquiz.locales.po_file import PoError, read_po

EN = catalogue("en")
FR = catalogue("fr")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_french_and_english_have_the_same_keys_and_placeholders() -> None:
    assert set(FR) == set(EN)
    for key in EN:
        assert placeholders(FR[key]) == placeholders(EN[key]), key


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_language_has_every_key_with_its_placeholders(language: str) -> None:
    messages = catalogue(language)
    assert set(messages) == set(EN)
    for key, text in messages.items():
        assert text, key
        assert placeholders(text) == placeholders(EN[key]), key
        text.format(**dict.fromkeys(placeholders(text), 1))


def test_the_catalogue_format_reads_continued_lines_and_escapes() -> None:
    text = (
        '# a comment\nmsgid ""\nmsgstr "Header\\n"\n\nmsgid "a.b"\nmsgstr "one "\n"\\"two\\"\\n"\n'
    )
    assert read_po(text) == {"a.b": 'one "two"\n'}
    with pytest.raises(PoError, match="line 2"):
        read_po('msgid "a"\nmsgstr one\n')


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("fr", 2.5, "2,5"),
        ("en", 2.5, "2.5"),
        ("fr", 3.0, "3"),
        ("en", -0.33, "-0.33"),
        ("en", -0.0, "0"),
    ],
)
def test_numbers_are_written_the_way_the_language_writes_them(
    language: str, value: float, expected: str
) -> None:
    assert Messages(language).number(value) == expected


def test_dates_at_each_precision() -> None:
    assert Messages("fr").date(2025, 6, 23) == "23 juin 2025"
    assert Messages("fr").date(2025, 6, 1) == "1er juin 2025"
    assert Messages("en").date(2025, 6, 23) == "June 23, 2025"
    assert Messages("en").date(2021, 8) == "August 2021"
    assert Messages("fr").date(2012) == "2012"


def test_the_interface_follows_the_request_then_the_bank_then_english() -> None:
    assert interface_language("en", "fr") == "en"
    assert interface_language(None, "fr-CA") == "fr"
    assert interface_language(None, "de") == "en"


def test_durations() -> None:
    assert Messages("en").duration(42.4) == "42 s"
    assert Messages("fr").duration(125) == "2 min 5 s"


def test_the_catalogues_are_read_only_when_asked_for() -> None:
    from newsquiz.interface import messages

    assert messages.FR["feedback.correct"] == "Bonne réponse."
    assert set(messages.CATALOGUES) == set(LANGUAGES)
    with pytest.raises(AttributeError):
        _ = messages.DE
