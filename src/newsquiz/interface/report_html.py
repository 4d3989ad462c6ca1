"""The class report as one self-contained HTML page: inline styles and charts, no script.

Built with Jinja2 with autoescaping on: every student name, answer and prompt
is escaped by the template engine, never pasted into markup by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from typing import Any

from newsquiz import __version__
from newsquiz.class_report import BankReport
from newsquiz.interface import report_format as fmt
from newsquiz.interface.messages import Messages
from newsquiz.interface.shown_text import one_line

CHART_BAR = 44
CHART_GAP = 8
CHART_HEIGHT = 160
CHART_LABELS = 18

_LABELS = {
    "histogram": "report.histogram",
    "histogram_caption": "report.histogram_caption",
    "students": "report.students",
    "questions": "report.questions",
    "questions_note": "report.questions_note",
    "tags": "report.tags",
    "student": "report.col.student",
    "file": "report.col.file",
    "score": "report.col.score",
    "percent": "report.col.percent",
    "time": "report.col.time",
    "date": "report.col.date",
    "number": "report.col.number",
    "question": "report.col.question",
    "answer": "report.col.answer",
    "facility": "report.col.facility",
    "discrimination": "report.col.discrimination",
    "reached": "report.col.reached",
    "skipped": "report.col.skipped",
    "flags": "report.col.flags",
    "tag": "report.col.tag",
    "tag_questions": "report.col.questions",
    "accuracy": "report.col.accuracy",
}


def _chart(histogram: Sequence[int]) -> dict[str, Any]:
    tallest = max(histogram) or 1
    room = CHART_HEIGHT - 2 * CHART_LABELS
    bars = []
    for index, count in enumerate(histogram):
        height = round(room * count / tallest)
        bars.append(
            {
                "x": CHART_GAP + index * (CHART_BAR + CHART_GAP),
                "y": CHART_LABELS + room - height,
                "width": CHART_BAR,
                "height": height,
                "count": count,
                "label": fmt.band(index, len(histogram)),
            }
        )
    width = CHART_GAP + len(histogram) * (CHART_BAR + CHART_GAP)
    return {"width": width, "height": CHART_HEIGHT, "bars": bars}


def _items(report: BankReport, say: Messages) -> list[dict[str, Any]]:
    return [
        {
            "number": item.number,
            "id": one_line(item.id),
            "prompt": fmt.prompt(item),
            "answer": fmt.answer(item.correct_answer, say),
            "facility": fmt.share(item.facility, say),
            "facility_width": round(100 * max(0.0, min(item.facility or 0.0, 1.0))),
            "discrimination": fmt.share(item.discrimination, say),
            "reached": item.reached,
            "skipped": item.skipped,
            "flags": fmt.flags(item, say),
            "details": [
                line for line in (fmt.distractors(item, say), fmt.wrong_answers(item, say)) if line
            ],
        }
        for item in report.items
    ]


def _bank(report: BankReport, say: Messages) -> dict[str, Any]:
    count = len(report.students)
    return {
        "title": say("report.bank", title=one_line(report.title), bank=one_line(report.bank_id)),
        "sessions": say("report.sessions", count=count, session_word=say.word("session", count)),
        "class_line": fmt.class_line(report.figures, say),
        "chart": _chart(report.figures.histogram),
        "students": [
            {
                "name": fmt.student_name(row, say),
                "score": fmt.score(row, say),
                "percent": fmt.percent(row.percent, say),
                "time": fmt.duration(row.seconds, say),
                "date": fmt.when(row.started_at, say),
                "file": one_line(row.path),
            }
            for row in report.students
        ],
        "question_rows": _items(report, say),
        "tags": [
            {
                "name": one_line(tag.label),
                "questions": tag.questions,
                "responses": tag.responses,
                "accuracy": fmt.percent(None if tag.accuracy is None else 100 * tag.accuracy, say),
            }
            for tag in report.tags
        ],
    }


def report_html(reports: Sequence[BankReport], say: Messages) -> str:
    import jinja2

    template_text = (
        resources.files("newsquiz.interface")
        .joinpath("templates")
        .joinpath("class_report.html")
        .read_text(encoding="utf-8")
    )
    engine = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = engine.from_string(template_text)
    files = sum(len(r.students) for r in reports)
    titles = ", ".join(one_line(r.title) for r in reports)
    return template.render(
        lang=say.language,
        page_title=say("report.page_title", title=titles),
        heading=say("report.page_title", title=titles),
        t={name: say(key) for name, key in _LABELS.items()},
        banks=[_bank(report, say) for report in reports],
        generated=say(
            "report.generated",
            version=__version__,
            count=files,
            file_word=say.word("file", files),
        ),
    )
