"""The class report for scripts (JSON) and spreadsheets (CSV, one row per student × question)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from newsquiz.class_report import BankReport
from newsquiz.interface.messages import Messages
from newsquiz.interface.shown_text import json_safe
from newsquiz.results_reading import QuestionResult, Refused, SessionResult

REPORT_FORMAT = 1

CSV_COLUMNS = (
    "bank",
    "student",
    "file",
    "started",
    "number",
    "question",
    "type",
    "tags",
    "tag_labels",
    "reached",
    "skipped",
    "response",
    "correct",
    "points",
    "max_points",
    "hint",
    "seconds",
)


def report_document(reports: Sequence[BankReport], refused: Sequence[Refused]) -> dict[str, Any]:
    return {
        "newsquiz_report": REPORT_FORMAT,
        "banks": [_bank(report) for report in reports],
        "refused": [
            {"path": r.path, "reason": r.reason.value, "detail": r.detail} for r in refused
        ],
    }


def _bank(report: BankReport) -> dict[str, Any]:
    return {
        "id": report.bank_id,
        "title": report.title,
        "language": report.language,
        "sessions": len(report.students),
        "students": [asdict(row) for row in report.students],
        "class": asdict(report.figures),
        "questions": [asdict(item) for item in report.items],
        "tags": [asdict(tag) for tag in report.tags],
    }


def report_json(reports: Sequence[BankReport], refused: Sequence[Refused]) -> str:
    text = json.dumps(report_document(reports, refused), indent=2, ensure_ascii=False)
    return json_safe(text)


def _cell(value: str) -> str:
    """Text a spreadsheet would run as a formula (=, +, -, @ first) is kept as text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _response(record: QuestionResult) -> str:
    value = record.response
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _cell(value)
    return _cell(json.dumps(value, ensure_ascii=False))


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _rows(session: SessionResult, order: dict[str, int]) -> list[list[str]]:
    started = session.started_at.isoformat() if session.started_at else ""
    student = _cell(session.student or "")
    labels = dict(session.tag_labels)
    return [
        [
            _cell(session.bank_id),
            student,
            _cell(session.path),
            started,
            str(order.get(record.id, "")),
            _cell(record.id),
            record.type,
            _cell(";".join(record.tags)),
            _cell(";".join(labels.get(tag, tag) for tag in record.tags)),
            str(int(record.reached)),
            str(int(record.skipped)),
            _response(record),
            str(int(record.correct)),
            _number(record.points),
            _number(record.max_points),
            str(int(record.hint_used)),
            _number(record.seconds),
        ]
        for record in sorted(session.questions, key=lambda r: order.get(r.id, len(order)))
    ]


def report_csv(reports: Sequence[BankReport], say: Messages) -> str:
    """Every student's every question, the questions in the bank's order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([say(f"report.csv.{column}") for column in CSV_COLUMNS])
    for report in reports:
        order = {item.id: item.number for item in report.items}
        for session in report.sessions:
            writer.writerows(_rows(session, order))
    return out.getvalue()
