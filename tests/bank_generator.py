"""Generate large, valid banks for the benchmarks (every question type, evenly)."""

from __future__ import annotations

TEMPLATES = (
    """  - id: q{n}-choice
    type: choice
    prompt: "Question {n}: who received the visitor at the Kremlin?"
    choices: [Vladimir Poutine, Sergueï Lavrov, Dmitri Medvedev, "No"]
    answer: Vladimir Poutine
    explanation: The president himself received his guest, a sign of the weight given to the visit.
    evidence: "reçu lundi 23 juin 2025 au Kremlin"
    tags: [people]
""",
    """  - id: q{n}-multi
    type: multi
    prompt: Which sectors were discussed?
    choices: [défense, transports, tourisme, énergie]
    answer: [défense, transports, énergie]
    explanation: Several strategic sectors were named.
    points: 2
""",
    """  - id: q{n}-truefalse
    type: truefalse
    prompt: Wagner left Mali.
    answer: true
    explanation: Its withdrawal had just been announced.
""",
    """  - id: q{n}-short
    type: short
    prompt: Who leads the Malian junta?
    answer: Assimi Goïta
    accept: [Goïta, général Goïta]
    explanation: A general who took power after the coups.
    hint: A general.
""",
    """  - id: q{n}-number
    type: number
    prompt: Since which year has Mali faced chronic insecurity?
    answer: 2012
    tolerance: 0
    unit: year
    explanation: The crisis began in the north.
""",
    """  - id: q{n}-date
    type: date
    prompt: When was the meeting?
    answer: 2025-06-23
    explanation: A Monday.
""",
    """  - id: q{n}-order
    type: order
    prompt: Put in order.
    items: [first coup, second coup, Wagner leaves]
    explanation: 2020, 2021, 2025.
""",
    """  - id: q{n}-match
    type: match
    prompt: Who is who?
    pairs:
      Sergueï Tsiviliov: Energy minister
      Iounous-Bek Ievkourov: Deputy defence minister
    distractors: [Foreign minister]
    explanation: Both were in the room.
""",
    """  - id: q{n}-cloze
    type: cloze
    text: "Wagner was replaced by {{{{Africa Corps}}}} in {{{{2025|juin 2025}}}}."
    explanation: Under the defence ministry.
""",
)

HEADER = """newsquiz: 1
id: generated
title: A generated bank
language: en
as_of: 2025-06-23
tags: [generated]
questions:
"""


def generate_bank(count: int) -> str:
    parts = [HEADER]
    for n in range(count):
        parts.append(TEMPLATES[n % len(TEMPLATES)].format(n=n))
    return "".join(parts)
