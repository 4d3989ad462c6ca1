"""The loader's messages in English, and the words it puts in them.

The loader writes each problem in English (from the English locale) and keeps
its key and values, so that `check` can say it again in the teacher's language.
"""

from __future__ import annotations

from newsquiz.locales import Locale

# The words the loader puts in {what} and {found}; their French is in the catalogue
# under the key "term." followed by the English words.
TERMS: tuple[str, ...] = (
    "the bank",
    "the source",
    "a question",
    "the prompt",
    "the answer",
    "the explanation",
    "the context",
    "the hint",
    "the title",
    "the description",
    "the language",
    "the bank id",
    "the question id",
    "the unit",
    "the cloze text",
    "evidence",
    "choices",
    "items",
    "tags",
    "accept",
    "distractors",
    "points",
    "tolerance",
    "as_of",
    "draft",
    "source.published",
    "a mapping",
    "a list",
    "nothing",
    "the answer of a truefalse question",
    "the quote",
    "the translation",
    "a tag label",
    "partial",
    "each left-hand entry of pairs",
    "each right-hand entry of pairs",
    "each entry of evidence",
    "each entry of choices",
    "each entry of items",
    "each entry of tags",
    "each entry of accept",
    "each entry of distractors",
    "source.title",
    "source.author",
    "source.outlet",
    "source.url",
    "source.file",
    "pairs",
    "the left-hand side of pairs",
    "the right-hand side of pairs",
    "text",
    "a mapping without it",
    "unknown fields",
    "feedback for texts that are not choices",
    "invisible characters",
    "mixed alphabets",
    "look-alikes",
    "must be a path relative to the bank's folder, not an absolute path",
    "must be a path relative to the bank's folder (`~` is not expanded)",
    "has a file name longer than 255 bytes",
    "is longer than 1024 bytes",
    "a named pipe (FIFO)",
    "a device",
    "a socket",
    "not a regular file",
)


# The values that are numbers, written plainly by the loader (`12345`, `0.01`) and
# shown as the reader's language writes numbers (`12,345` / `12 345`, `0.01` / `0,01`).
# Counts are grouped by thousands; a value the teacher wrote (`written`, `found`)
# or one to copy into the file (`fixed`) is never touched.
COUNTS = frozenset({"count"})
MEASURES = frozenset({"low", "high", "limit", "minimum", "least", "size", "depth"})


def figures(values: tuple[tuple[str, str], ...], say: Locale) -> dict[str, str]:
    """The values, their numbers written the way ``say``'s language writes them."""
    return {
        name: say.figure(value, grouped=name in COUNTS) if name in COUNTS | MEASURES else value
        for name, value in values
    }


def english(key: str, values: tuple[tuple[str, str], ...]) -> str:
    english = Locale("en")
    return english(key, **figures(values, english))
