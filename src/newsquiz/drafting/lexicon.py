"""The few words each rule needs, in French and English."""

from __future__ import annotations

from collections.abc import Mapping

MONTHS: Mapping[str, int] = {
    **{
        name: i + 1
        for i, name in enumerate(
            [
                "janvier",
                "fevrier",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "aout",
                "septembre",
                "octobre",
                "novembre",
                "decembre",
            ]
        )
    },
    **{
        name: i + 1
        for i, name in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ]
        )
    },
}
WEEKDAYS = frozenset(
    [
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
# Relative days, folded: how many days from the date they refer to.
RELATIVE_DAYS: Mapping[str, int] = {
    "la veille": -1,
    "le lendemain": 1,
    "the day before": -1,
    "the previous day": -1,
    "the next day": 1,
    "the following day": 1,
}

TITLES = frozenset(
    [
        "president",
        "presidente",
        "ministre",
        "vice-ministre",
        "premier",
        "secretaire",
        "general",
        "generale",
        "chef",
        "cheffe",
        "porte-parole",
        "ambassadeur",
        "ambassadrice",
        "directeur",
        "directrice",
        "roi",
        "reine",
        "colonel",
        "commandant",
        "maire",
        "chancelier",
        "chanceliere",
        "dirigeant",
        "dirigeante",
        "representant",
        "representante",
        "emissaire",
        "envoye",
        "prince",
        "princesse",
        "senateur",
        "senatrice",
        "depute",
        "deputee",
        "gouverneur",
        "minister",
        "vice-minister",
        "prime",
        "secretary",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "director",
        "king",
        "queen",
        "commander",
        "mayor",
        "chancellor",
        "leader",
        "envoy",
        "head",
        "governor",
        "senator",
        "representative",
        "ceo",
        "chairman",
        "chairwoman",
    ]
)
# Words that start the description of a person: `le président russe Vladimir Poutine`.
DETERMINERS = frozenset(["le", "la", "les", "l", "un", "une", "the", "a", "an"])
# Linking words allowed inside a title: `ministre russe de l'Énergie`.
TITLE_LINKS = frozenset(["de", "du", "des", "d", "l", "la", "of", "for", "the"])

SPEECH_VERBS = frozenset(
    [
        "declare",
        "lance",
        "dit",
        "affirme",
        "ajoute",
        "estime",
        "souligne",
        "assure",
        "explique",
        "indique",
        "precise",
        "confie",
        "annonce",
        "rappele",
        "rappelle",
        "insiste",
        "promet",
        "martele",
        "said",
        "says",
        "told",
        "added",
        "stated",
        "declared",
        "explained",
        "announced",
        "insisted",
        "warned",
        "noted",
    ]
)

# Receiving, meeting, replacing: folded participle or verb -> the kind of event.
EVENTS: Mapping[str, str] = {
    "recu": "received",
    "recue": "received",
    "accueilli": "received",
    "accueillie": "received",
    "received": "received",
    "welcomed": "received",
    "remplace": "replaced",
    "remplacee": "replaced",
    "replaced": "replaced",
    "succeeded": "replaced",
    "rencontre": "met",
    "met": "met",
}
AGENT_WORDS = frozenset({"par", "by"})

UNITS = frozenset(
    [
        "%",
        "pour",
        "cent",
        "percent",
        "km",
        "kilometres",
        "kilometers",
        "metres",
        "meters",
        "kg",
        "kilos",
        "tonnes",
        "tons",
        "dollars",
        "euros",
        "francs",
        "roubles",
        "livres",
        "pounds",
        "$",
        "€",
        "millions",
        "milliards",
        "million",
        "billion",
        "personnes",
        "people",
        "soldats",
        "soldiers",
        "morts",
        "dead",
        "victimes",
        "victims",
        "blesses",
        "wounded",
        "habitants",
        "residents",
        "inhabitants",
        "ans",
        "years",
        "mois",
        "months",
        "jours",
        "days",
        "heures",
        "hours",
        "minutes",
        "hectares",
        "barils",
        "barrels",
        "mw",
        "gw",
        "litres",
        "liters",
        "voix",
        "votes",
        "eleves",
        "students",
        "pays",
        "countries",
    ]
)

# Plausible wrong items for an enumeration of domains.
DOMAINS: Mapping[str, tuple[str, ...]] = {
    "fr": ("Santé", "Éducation", "Agriculture", "Tourisme", "Culture", "Sport", "Numérique"),
    "en": ("Health", "Education", "Agriculture", "Tourism", "Culture", "Sport", "Technology"),
}

STOPWORDS: Mapping[str, frozenset[str]] = {
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "de",
            "et",
            "est",
            "une",
            "un",
            "dans",
            "pour",
            "que",
            "qui",
            "au",
            "aux",
            "sur",
            "par",
            "pas",
            "ce",
            "cette",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "is",
            "was",
            "to",
            "in",
            "a",
            "an",
            "that",
            "for",
            "on",
            "by",
            "with",
            "as",
            "it",
            "at",
            "from",
        ]
    ),
}

# Words that do not help tell one person's description from another's.
GENERIC = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "de",
        "du",
        "des",
        "d",
        "en",
        "et",
        "president",
        "presidente",
        "chef",
        "cheffe",
        "ministre",
        "vice-ministre",
        "general",
        "the",
        "of",
        "a",
        "an",
        "and",
        "president",
        "chief",
        "minister",
        "general",
    ]
)

TITLES = TITLES | frozenset(
    {"astronaute", "pilote", "capitaine", "juge", "procureur", "procureure"}
    | {"astronaut", "pilot", "captain", "judge", "prosecutor", "commander"}
)
UNITS = UNITS | frozenset({"kilogrammes", "kilograms", "grammes", "grams"})
EVENTS = {
    **EVENTS,
    **dict.fromkeys(("recus", "recues", "accueillis", "accueillies"), "received"),
    **dict.fromkeys(("remplaces", "remplacees"), "replaced"),
}
