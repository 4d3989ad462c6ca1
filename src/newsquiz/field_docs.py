"""What each field of the bank format means, with an example: the source of docs/format.md.

The reference walks the field tables of fields.py (the ones the loader and the
JSON Schema use) and looks each field up here; a test checks that every field
in those tables is documented and that docs/format.md is current.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsquiz.model import QuestionType

# field -> (meaning, example as written in a bank)
Doc = tuple[str, str]

BANK: Mapping[str, Doc] = {
    "newsquiz": ("The format version: always 1.", "newsquiz: 1"),
    "id": (
        "Identifies the bank forever (progress is kept by it): lowercase letters, digits and hyphens.",
        "id: goita-kremlin-2025-fr",
    ),
    "title": ("The bank's title, shown to learners.", 'title: "Goïta reçu au Kremlin"'),
    "language": ("The bank's language tag; the interface follows it (fr or en).", "language: fr"),
    "description": (
        "A sentence or two on what the bank covers.",
        'description: "La visite d\'Assimi Goïta à Moscou."',
    ),
    "as_of": ("The date the facts were true, YYYY-MM-DD.", "as_of: 2025-06-23"),
    "source": (
        "Where the questions come from: the fields below.",
        'source: {author: "Médard Clobechi", published: 2025-06-23}',
    ),
    "tags": ("Tags given to every question of the bank.", "tags: [mali, russie]"),
    "tag_labels": (
        "How learners see each tag; a tag without a label is shown as written.",
        'tag_labels: {securite: "Sécurité"}',
    ),
    "questions": ("The questions, a list of at least one.", "questions:"),
}

SOURCE: Mapping[str, Doc] = {
    "title": ("The article's title.", 'title: "Goïta reçu au Kremlin"'),
    "author": ("Who wrote it.", 'author: "Médard Clobechi"'),
    "outlet": ("Where it was published.", 'outlet: "Le Monde"'),
    "published": ("When, YYYY-MM-DD.", "published: 2025-06-23"),
    "url": (
        "Its address, starting with https:// or http://.",
        'url: "https://example.org/article"',
    ),
    "file": (
        "The article as a text file, relative to the bank: `check` proves every evidence quote against it.",
        'file: "../articles/goita.fr.txt"',
    ),
}

EVIDENCE: Mapping[str, Doc] = {
    "quote": (
        "The words of the source, exactly as written (at most 12 is a good rule).",
        'quote: "reçu lundi 23 juin 2025 au Kremlin"',
    ),
    "translation": (
        "The quote in the bank's language, shown beside it.",
        'translation: "received on Monday 23 June 2025 at the Kremlin"',
    ),
}

COMMON: Mapping[str, Doc] = {
    "id": (
        "Unique in the bank; progress is kept by it, so never change it once used.",
        "id: who-received",
    ),
    "type": ("One of the nine question types below.", "type: choice"),
    "prompt": (
        "The question as the learner sees it (optional for cloze). Put it in quotes.",
        'prompt: "Qui a reçu Assimi Goïta ?"',
    ),
    "explanation": (
        "Shown after the answer: why it is right.",
        "explanation: \"Le chef de l'État l'a reçu lui-même.\"",
    ),
    "evidence": (
        "A quote (or a list of quotes, or {quote, translation} entries) from the article that proves the answer.",
        'evidence: "reçu lundi 23 juin 2025 au Kremlin"',
    ),
    "context": (
        "Background the article does not state; shown apart, never counted as evidence.",
        'context: "Le Mali est dirigé par une junte depuis 2020."',
    ),
    "hint": (
        "Shown on request; the question is then worth half its points.",
        'hint: "Il est arrivé la veille."',
    ),
    "tags": ("Tags of this question, added to the bank's.", "tags: [diplomatie]"),
    "points": ("What the question is worth (more than 0; default 1).", "points: 2"),
    "as_of": (
        "The date the facts were true; `check` warns when it is over a year old.",
        "as_of: 2025-06-23",
    ),
    "draft": (
        "Written by `newsquiz new` and not yet checked: `check` warns until you remove it.",
        "draft: true",
    ),
}

TYPES: Mapping[QuestionType, str] = {
    QuestionType.CHOICE: "One right choice among several.",
    QuestionType.MULTI: "Select all that apply.",
    QuestionType.TRUEFALSE: "True or false.",
    QuestionType.SHORT: "A typed answer, graded leniently (case, accents, small typos).",
    QuestionType.NUMBER: "A number, with an optional tolerance and unit.",
    QuestionType.DATE: "A date at the precision written: a year, a month or a day.",
    QuestionType.ORDER: "Items to put in the right order.",
    QuestionType.MATCH: "Pairs to match, left to right.",
    QuestionType.CLOZE: "A text with blanks to fill in.",
}

_PARTIAL: Doc = ("false: all or nothing, no partial credit.", "partial: false")
_MATCH_MODE: Doc = ("exact turns off lenient matching (case, accents, typos).", "match: exact")
_FEEDBACK: Doc = (
    "Text shown when a given choice is picked.",
    'feedback: {"Une visite privée": "Au contraire…"}',
)
_CHOICES: Doc = (
    "The choices, at least 2, all different.",
    'choices: ["Sergueï Lavrov", "Vladimir Poutine"]',
)

TYPE_FIELDS: Mapping[QuestionType, Mapping[str, Doc]] = {
    QuestionType.CHOICE: {
        "choices": _CHOICES,
        "answer": ("Exactly one of the choices.", 'answer: "Vladimir Poutine"'),
        "feedback": _FEEDBACK,
    },
    QuestionType.MULTI: {
        "choices": _CHOICES,
        "answer": ("Every right choice.", 'answer: ["Défense", "Transports"]'),
        "feedback": _FEEDBACK,
        "partial": _PARTIAL,
    },
    QuestionType.TRUEFALSE: {"answer": ("true or false.", "answer: true")},
    QuestionType.SHORT: {
        "answer": ("The answer shown as right.", 'answer: "Africa Corps"'),
        "accept": ("Other answers accepted as right.", 'accept: ["Africa Korps"]'),
        "match": _MATCH_MODE,
    },
    QuestionType.NUMBER: {
        "answer": ("The number, written with a decimal point.", "answer: 21.5"),
        "tolerance": ("How far from the answer is still right (default 0).", "tolerance: 0.5"),
        "unit": ("The unit, shown with the question.", 'unit: "kilogrammes"'),
    },
    QuestionType.DATE: {
        "answer": (
            "YYYY, YYYY-MM or YYYY-MM-DD: the precision asked of the learner.",
            "answer: 2025-06-22",
        ),
        "tolerance": (
            "A duration (N days, months or years) within which an answer earns full credit.",
            'tolerance: "2 days"',
        ),
        "partial": (
            "false: no half credit for the right month and year with a wrong day.",
            "partial: false",
        ),
    },
    QuestionType.ORDER: {
        "items": (
            "At least 3 items, in the right order; they are shuffled when asked.",
            'items: ["2012", "2020", "2025"]',
        ),
        "partial": _PARTIAL,
    },
    QuestionType.MATCH: {
        "pairs": (
            "Left-hand entry: its right-hand match; at least 2.",
            'pairs: {"Vladimir Poutine": "président russe"}',
        ),
        "distractors": (
            "Wrong right-hand entries added to the choices.",
            'distractors: ["ministre malien"]',
        ),
        "partial": _PARTIAL,
    },
    QuestionType.CLOZE: {
        "text": (
            "The text; blanks are written {{answer}} or {{answer|other accepted}}.",
            'text: "Wagner a été remplacé par {{Africa Corps}}."',
        ),
        "match": _MATCH_MODE,
        "partial": _PARTIAL,
    },
}
