"""The conversion of a bank: from the YAML tree to the model, problem by problem.

The bank's own fields and the fields every question has are read here; each
question type's own fields are read by its module in :mod:`newsquiz.questions`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any

from newsquiz import fields as F
from newsquiz.diagnostics import Severity
from newsquiz.locales import supported
from newsquiz.model import (
    FORMAT_VERSION,
    Bank,
    Evidence,
    Location,
    Question,
    QuestionType,
    Source,
    assert_never,
)
from newsquiz.questions import (
    choice,
    cloze,
    date,
    match,
    multi,
    number,
    order,
    short,
    truefalse,
)
from newsquiz.questions.common import Build
from newsquiz.source_file import found_beside, leaves_folder, path_problem
from newsquiz.tree_reader import Fields, TreeReader
from newsquiz.yaml_nodes import Map, Node, Scalar, Seq, describe, kind_of, show

_LANGUAGE = re.compile(F.LANGUAGE_PATTERN)
_INTEGER = re.compile(r"^\d+$", re.ASCII)
# A format version is a small whole number: more digits than this is not one
# (and int() refuses over 4,300 digits).
_MAX_VERSION_DIGITS = 6


@functools.cache
def _fields_elsewhere(qtype: QuestionType) -> dict[str, str]:
    """The fields of other question types, with the types that have them (once per type)."""
    allowed = F.COMMON_FIELDS + F.TYPE_FIELDS[qtype]
    return {
        name: "it is a field of " + ", ".join(t.value for t in F.types_using(name)) + " questions"
        for name in F.all_question_fields()
        if name not in allowed
    }


def _shape(
    qtype: QuestionType | None,
) -> tuple[str, tuple[str, ...], tuple[str, ...], dict[str, str] | None]:
    """What a question of this type is called, its fields, the required ones, and the
    fields of other types (for a better message)."""
    if qtype is None:
        allowed = F.all_question_fields()
        required: tuple[str, ...] = ("id", "type")
        what = "a question"
        elsewhere = None
    else:
        allowed = F.COMMON_FIELDS + F.TYPE_FIELDS[qtype]
        required = ("id", "type") + (() if qtype is QuestionType.CLOZE else ("prompt",))
        required += F.TYPE_REQUIRED[qtype]
        what = f"a {qtype.value} question"
        elsewhere = _fields_elsewhere(qtype)
    return what, allowed, required, elsewhere


def _written_id(item: Node) -> Scalar | None:
    if not isinstance(item, Map):
        return None
    found = next((v for k, v in item.pairs if k.value == "id"), None)
    return found if isinstance(found, Scalar) and found.value.strip() else None


class BankConverter(TreeReader):
    """Reads a whole bank, with every question in it."""

    def bank(self, root: Node) -> Bank | None:
        if not isinstance(root, Map) or not any(k.value == "newsquiz" for k, _ in root.pairs):
            # Not a bank at all (a .env file, some other YAML): say so without
            # quoting any of it, since it may hold secrets.
            found = "a mapping without it" if isinstance(root, Map) else kind_of(root)
            self.keyed(root, "loader.not_a_bank", found=found)
            return None
        got = self.fields(root, "the bank", F.BANK_FIELDS, F.BANK_REQUIRED)
        assert got is not None
        if "newsquiz" in got:
            self.version(got["newsquiz"])
        bank_id = self.slug(got["id"], "the bank id") if "id" in got else None
        title = self.text(got["title"], "the title") if "title" in got else None
        language = self.language(got["language"]) if "language" in got else None
        description = (
            self.text(got["description"], "the description") if "description" in got else None
        )
        as_of = self.date(got["as_of"], "as_of") if "as_of" in got else None
        source = self.source(got["source"]) if "source" in got else None
        tags = self.tags(got["tags"]) if "tags" in got else ()
        questions = self.questions(got["questions"], tags or ()) if "questions" in got else None
        labels = self.tag_labels(got["tag_labels"], questions) if "tag_labels" in got else {}
        if None in (bank_id, title, language, questions, tags, labels):
            return None
        assert bank_id is not None and title is not None and language is not None
        assert questions is not None and tags is not None
        return Bank(
            id=bank_id,
            title=title,
            language=language,
            description=description,
            as_of=as_of,
            source=source,
            tags=tags,
            questions=questions,
            path=self.path,
            tag_labels=labels or {},
        )

    def version(self, node: Node) -> None:
        """`newsquiz: 1`, in digits 0-9 (a few: int() refuses over 4,300 of them)."""
        written = node.value.strip() if isinstance(node, Scalar) else ""
        if not _INTEGER.match(written) or len(written.lstrip("0")) > _MAX_VERSION_DIGITS:
            self.keyed(
                node, "loader.version_bad", version=str(FORMAT_VERSION), found=describe(node)
            )
        elif int(written) != FORMAT_VERSION:
            self.keyed(
                node,
                "loader.version_other",
                written=str(int(written)),
                version=str(FORMAT_VERSION),
            )

    def language(self, node: Node) -> str | None:
        language = self.text(node, "the language")
        if language is not None and not _LANGUAGE.match(language):
            self.keyed(node, "loader.language_bad", language=show(language))
            return None
        if language is not None and supported(language) is None:
            self.keyed(
                node,
                "loader.language_unsupported",
                severity=Severity.WARNING,
                language=show(language),
            )
        return language

    def tag_labels(
        self, node: Node, questions: tuple[Question, ...] | None
    ) -> dict[str, str] | None:
        """``tag_labels: {securite: Sécurité}``: how learners see each tag."""
        if not isinstance(node, Map):
            self.keyed(node, "loader.tag_labels_not_map", found=describe(node))
            return None
        used = {tag for question in questions or () for tag in question.tags}
        labels: dict[str, str] = {}
        for key, value in node.pairs:
            tag, label = self.text(key, "each tag of tag_labels"), self.text(value, "a tag label")
            if tag is None or label is None:
                return None
            if questions is not None and tag not in used:
                self.keyed(key, "loader.tag_label_unused", severity=Severity.WARNING, tag=show(tag))
            labels[tag] = label
        return labels

    def tags(self, node: Node) -> tuple[str, ...] | None:
        if isinstance(node, Seq) and len(node.items) > F.MAX_TAGS:
            self.keyed(
                node, "loader.too_many_tags", count=str(len(node.items)), limit=str(F.MAX_TAGS)
            )
            return None
        values = self.texts(node, "tags", single_ok=False)
        return None if values is None else tuple(dict.fromkeys(values))

    def source(self, node: Node) -> Source | None:
        got = self.fields(node, "the source", F.SOURCE_FIELDS, ())
        if got is None:
            return None
        texts = {
            name: self.text(got[name], f"source.{name}")
            for name in ("title", "author", "outlet", "url", "file")
            if name in got
        }
        published = self.date(got["published"], "source.published") if "published" in got else None
        url = texts.get("url")
        if url is not None and not re.match(r"^https?://", url):
            self.keyed(got["url"], "loader.url", severity=Severity.WARNING)
        file = self.source_file(got["file"], texts.get("file")) if "file" in got else None
        return Source(
            title=texts.get("title"),
            author=texts.get("author"),
            outlet=texts.get("outlet"),
            published=published,
            url=url,
            file=file,
        )

    def source_file(self, node: Node, written: str | None) -> str | None:
        """The source's file name, when it is a path beside the bank (see source_file.py)."""
        if written is None:
            return None
        problem = path_problem(written)
        if problem is not None:
            self.keyed(node, "loader.source_file", what=problem, written=show(written, 40))
            return None
        warning = Severity.WARNING
        if leaves_folder(written):
            self.keyed(node, "loader.source_outside", None, warning, written=show(written, 40))
        elif self.base is not None and not found_beside(written, self.base):
            self.keyed(node, "loader.source_missing", None, warning, written=show(written, 40))
        return written

    def questions(self, node: Node, bank_tags: tuple[str, ...]) -> tuple[Question, ...] | None:
        if not isinstance(node, Seq):
            self.keyed(node, "loader.questions_not_list", found=describe(node))
            return None
        if not node.items:
            self.keyed(node, "loader.no_questions")
            return None
        result: list[Question] = []
        first_line: dict[str, int] = {}
        failed = False
        for item in node.items:
            # The id is compared as written, before the question is checked, so that
            # a repeated id is reported together with every other problem.
            written = _written_id(item)
            if written is not None and written.value.strip() in first_line:
                line = str(first_line[written.value.strip()])
                self.keyed(item, "loader.duplicate_id", id=show(written.value.strip()), line=line)
                failed = True
            elif written is not None:
                first_line[written.value.strip()] = item.line + 1
            question = self.question(item, bank_tags)
            if question is None:
                failed = True
                continue
            result.append(question)
        return None if failed else tuple(result)

    def question(self, node: Node, bank_tags: tuple[str, ...]) -> Question | None:
        """One question; repeated problems of a kind are summed up per question."""
        self.close_repeats()
        try:
            return self.one_question(node, bank_tags)
        finally:
            self.close_repeats()

    def one_question(self, node: Node, bank_tags: tuple[str, ...]) -> Question | None:
        if not isinstance(node, Map):
            self.keyed(node, "loader.question_not_mapping", found=describe(node))
            return None
        qtype = self.question_type(node)
        got = self.fields(node, *_shape(qtype))
        if got is None:
            return None
        before = len(self.problems)
        common = self.common(node, got, bank_tags)
        if qtype is None:
            return None
        body = self.body(qtype, got)
        qid = common["id"]
        if "explanation" not in got and qid is not None:
            self.keyed(node, "loader.no_explanation", severity=Severity.WARNING, id=qid)
        settings = self.settings(got)
        if body is None or qid is None or common["prompt"] is None or settings is None:
            return None
        if any(p.severity is Severity.ERROR for p in self.problems[before:]):
            return None
        common["prompt"] = common["prompt"] or ""
        built = body(common)
        if built is None or not settings:
            return built
        return replace(built, **settings)

    def question_type(self, node: Map) -> QuestionType | None:
        """The question's type, or None after saying what is wrong with it."""
        type_node = next((v for k, v in node.pairs if k.value == "type"), None)
        qtype: QuestionType | None = None
        if type_node is not None:
            written = type_node.value.strip() if isinstance(type_node, Scalar) else ""
            try:
                qtype = QuestionType(written)
            except ValueError:
                names = ", ".join(t.value for t in QuestionType)
                close = self.suggest(written, [t.value for t in QuestionType])
                found = describe(type_node)
                if close:
                    self.keyed(
                        type_node,
                        "loader.unknown_type_close",
                        found=found,
                        close=close,
                        names=names,
                    )
                else:
                    self.keyed(type_node, "loader.unknown_type", found=found, names=names)
        return qtype

    def common(self, node: Map, got: Fields, bank_tags: tuple[str, ...]) -> dict[str, Any]:
        """The fields every question has, read in order (None where a value is wrong)."""
        qid = self.slug(got["id"], "the question id") if "id" in got else None
        return {
            "id": qid,
            "prompt": self.text(got["prompt"], "the prompt") if "prompt" in got else "",
            "explanation": (
                self.text(got["explanation"], "the explanation") if "explanation" in got else None
            ),
            "evidence": (self.evidence(got["evidence"]) if "evidence" in got else ()) or (),
            "context": self.text(got["context"], "the context") if "context" in got else None,
            "hint": self.text(got["hint"], "the hint") if "hint" in got else None,
            "tags": self.question_tags(got, bank_tags),
            "points": self.points(got["points"]) if "points" in got else 1.0,
            "as_of": self.date(got["as_of"], "as_of") if "as_of" in got else None,
            "draft": bool(self.draft(got["draft"], qid) if "draft" in got else False),
            "location": Location(self.path, node.line + 1, node.column + 1),
        }

    def question_tags(self, got: Fields, bank_tags: tuple[str, ...]) -> tuple[str, ...]:
        """The bank's tags, then the question's own (an unreadable list adds none)."""
        own_tags = self.tags(got["tags"]) if "tags" in got else ()
        return tuple(dict.fromkeys(bank_tags + (own_tags or ())))

    def settings(self, got: Fields) -> dict[str, Any] | None:
        """``partial`` (types with partial credit), when written; a date's tolerance is
        read with the date's own fields."""
        if "partial" not in got:
            return {}
        partial = self.boolean(got["partial"], "partial")
        return None if partial is None else {"partial": partial}

    def evidence(self, node: Node) -> tuple[Evidence, ...] | None:
        """A quote, a quote with its translation, or a list of either."""
        items = node.items if isinstance(node, Seq) else [node]
        if isinstance(node, Seq) and not items:
            self.keyed(node, "loader.no_evidence")
            return None
        found = [self.evidence_entry(item, isinstance(node, Seq)) for item in items]
        if any(entry is None for entry in found):
            return None
        return tuple(entry for entry in found if entry is not None)

    def evidence_entry(self, node: Node, in_list: bool) -> Evidence | None:
        what = "each entry of evidence" if in_list else "evidence"
        if isinstance(node, Scalar):
            quote = self.text(node, what)
            return None if quote is None else Evidence(quote)
        if not isinstance(node, Map):
            self.keyed(node, "loader.evidence_shape", what=what, found=describe(node))
            return None
        got = self.fields(node, f"{what}", F.EVIDENCE_FIELDS, F.EVIDENCE_REQUIRED)
        if got is None or "quote" not in got:
            return None
        quote = self.text(got["quote"], "the quote")
        translation = (
            self.text(got["translation"], "the translation") if "translation" in got else None
        )
        if quote is None or ("translation" in got and translation is None):
            return None
        return Evidence(quote, translation)

    def body(self, qtype: QuestionType, got: Fields) -> Build | None:
        """The type's own fields, read by the type's module."""
        if any(name not in got for name in F.TYPE_REQUIRED[qtype]):
            return None
        match qtype:
            case QuestionType.CHOICE:
                return choice.read(self, got)
            case QuestionType.MULTI:
                return multi.read(self, got)
            case QuestionType.TRUEFALSE:
                return truefalse.read(self, got)
            case QuestionType.SHORT:
                return short.read(self, got)
            case QuestionType.NUMBER:
                return number.read(self, got)
            case QuestionType.DATE:
                return date.read(self, got)
            case QuestionType.ORDER:
                return order.read(self, got)
            case QuestionType.MATCH:
                return match.read(self, got)
            case QuestionType.CLOZE:
                return cloze.read(self, got)
            case _:
                return assert_never(qtype)
