"""The loader's most common messages, by key, in English.

The loader writes each problem in English and keeps its key and values, so that
`check` can say it again in the teacher's language; the French sentences are in
the interface's catalogue, which takes these as its English ones.
"""

from __future__ import annotations

from collections.abc import Mapping

EN: Mapping[str, str] = {
    "loader.not_text": "{what} must be text, found {found}",
    "loader.empty": "{what} is empty: write it, or remove the field",
    "loader.not_texts": "{what} must be a list of texts, found {found}",
    "loader.not_mapping": "{what} must be a mapping of fields, found {found}",
    "loader.elsewhere": "`{name}` does not belong to {what} (it is a field of {types} questions)",
    "loader.unknown_field_close": "unknown field `{name}` in {what}: did you mean `{close}`?",
    "loader.unknown_field": "unknown field `{name}` in {what} (known fields: {known})",
    "loader.missing": "{what} is missing the required field `{name}`",
    "loader.not_boolean": "{what} must be true or false, found {found}",
    "loader.not_number": "{what} must be a number, found {found}",
    "loader.not_date": "{what} must be a date written YYYY-MM-DD, found {found}",
    "loader.not_partial_date": "{what} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, found {found}",
    "loader.unknown_type_close": "unknown question type {found}: did you mean `{close}`? (one of: {names})",
    "loader.unknown_type": "unknown question type {found} (one of: {names})",
    "loader.no_explanation": "question `{id}` has no explanation: learners will see the answer but not why",
    "loader.duplicate_id": "question id `{id}` is already used at line {line}: progress is kept by id, so each must be different",
    "loader.duplicate_key": "duplicate key `{name}` (first written at line {line}): YAML would silently keep only the last one",
    "loader.empty_file": "the file is empty: a bank starts with `newsquiz: 1`",
    "loader.too_few": "{what} needs at least {minimum} entries, found {count}",
    "loader.twice": "{what} lists `{value}` twice",
    "loader.decimal_comma": "{what} must be a number written with a decimal point, like `{fixed}`, found `{found}`",
    "loader.unreal_date": "{what} `{value}` is not a real date",
    "loader.slug": "{what} `{value}` must be lowercase letters, digits and hyphens, like `{like}`",
    "loader.questions_not_list": "questions must be a list of questions, found {found}",
    "loader.no_questions": "questions is empty: a bank needs at least one question",
    "loader.question_not_mapping": "each question must be a mapping of fields, found {found}",
    "loader.no_evidence": "evidence is an empty list: quote the source, or remove the field",
    "loader.not_a_choice": "the answer `{answer}` is not one of the choices ({choices})",
    "loader.no_answer": "the answer must name at least one of the choices",
    "loader.answer_not_choice": "the answer `{answer}` is not one of the choices",
    "loader.negative_tolerance": "tolerance must be 0 or more",
    "loader.match_mode": "match must be `lenient` or `exact`, found {found}",
    "loader.url": "source.url should start with https:// or http://",
    "loader.file_not_found": "source.file `{file}` was not found next to the bank",
}

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
)


def english(key: str, values: tuple[tuple[str, str], ...]) -> str:
    return EN[key].format(**dict(values))
