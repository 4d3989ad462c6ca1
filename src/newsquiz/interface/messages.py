"""Every sentence the quiz says, in one catalogue per language.

Code asks for a message by key; a test checks that French and English have
exactly the same keys and the same placeholders.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsquiz.interface.authoring_messages import EN as AUTHORING_EN
from newsquiz.interface.authoring_messages import FR as AUTHORING_FR
from newsquiz.interface.play_messages import EN as PLAY_EN
from newsquiz.interface.play_messages import FR as PLAY_FR

EN: Mapping[str, str] = {
    "language_name": "English",
    "word.point.one": "point",
    "word.point.other": "points",
    "word.question.one": "question",
    "word.question.other": "questions",
    "word.answer.one": "answer",
    "word.answer.other": "answers",
    "word.session.one": "session",
    "word.session.other": "sessions",
    # the session
    "session.title": "{title}",
    "session.practice": "Practice: feedback after every answer.",
    "session.exam": "Exam: no feedback until the end.",
    "session.exam_time": "Exam: no feedback until the end. Time allowed: {minutes} min.",
    "session.count": "{count} {question_word}, {points} {point_word}.",
    "session.keys_plain": "Type ? for a hint (the question is then worth half), an empty line to skip. Ctrl-C to stop.",
    "session.keys_tty": "Use the arrow keys and Enter. Ctrl-C to stop.",
    "question.header": "Question {number} of {total}",
    "question.points": "{points} pt",
    "question.points_plural": "{points} pts",
    "question.time_left": "{minutes} min {seconds:02d} s left",
    "question.hint_available": "a hint is available",
    "question.as_of": "(as of {date})",
    # instructions
    "ask.choice": "Type the number of your answer (1 to {count}).",
    "ask.multi": "Select all that apply: type their numbers separated by spaces (for example: 1 3).",
    "ask.truefalse": "Type t for true or f for false (also: true, false, y, n).",
    "ask.short": "Type your answer.",
    "ask.number": "Type a number.",
    "ask.number_unit": "Type a number (in {unit}).",
    "ask.date_year": "Type a year (for example: {year}).",
    "ask.date_month": "Type a month and year (for example: {numeric} or {words}).",
    "ask.date_day": "Type a date (for example: {numeric} or {words}).",
    "ask.order": "Type the numbers of the {count} items in the right order, separated by spaces (for example: {example}).",
    "ask.match": "For each item on the left, in order, type the number of its match on the right, separated by spaces (for example: {example}).",
    "ask.cloze": "Type the answer for each blank, one line per blank ({count} blanks). An empty line leaves a blank empty.",
    "ask.cloze_keys": "? on the first blank for the hint; all blanks empty skips the question.",
    "ask.cloze_keys_nohint": "All blanks empty skips the question.",
    "ask.cloze_blank": "Blank {number}:",
    "ask.extra_keys": "? for the hint, an empty line to skip.",
    "ask.extra_keys_nohint": "An empty line skips.",
    "ask.tty_multi": "Space to select, Enter to confirm",
    "ask.tty_order": "Which comes in position {position}?",
    "ask.tty_match": "{left} matches…",
    "ask.tty_text": "Your answer (? for the hint, empty to skip)",
    "ask.tty_text_nohint": "Your answer (empty to skip)",
    "ask.tty_blank": "Blank {number} of {count}:",
    "ask.tty_select": "(arrow keys, then Enter)",
    "ask.hint_choice": "? Show the hint (the question is then worth half)",
    "ask.skip_choice": "Skip this question",
    "ask.undo_choice": "↩ Take back “{item}”",
    "ask.true": "True",
    "ask.false": "False",
    "ask.invalid_number": "“{typed}” is not one of the numbers 1 to {count}. Try again.",
    "ask.invalid_list": "Type {count} different numbers from 1 to {max}, separated by spaces. Try again.",
    "ask.invalid_truefalse": "Type t (true) or f (false). Try again.",
    "ask.invalid_multi": "Type the numbers of your choices, from 1 to {max}, separated by spaces. Try again.",
    "ask.invalid_form_number": "“{typed}” is not a number: type it in digits (for example {first} or {second}). Try again.",
    "ask.invalid_form_date": "“{typed}” is not a date newsquiz can read: try {day}, {day_words}, {month_words} or {year}. Try again.",
    "ask.date_no_year": "“{typed}”: the year is missing. Type the whole date (for example: {example}).",
    "ask.yes": "Yes",
    "ask.no": "No",
    "ask.hint": "Hint: {hint}",
    "ask.no_hint": "This question has no hint.",
    "ask.hint_used": "Hint shown: this question is now worth half its points.",
    # feedback
    "feedback.correct": "Correct.",
    "feedback.partial": "Partly right.",
    "feedback.wrong": "Wrong.",
    "feedback.skipped": "Skipped.",
    "feedback.points": "{points} of {max_points} {point_word}.",
    "feedback.hint_halved": "(halved: the hint was used)",
    "feedback.choice": "{choice}: {text}",
    "feedback.near_miss": "Accepted, but the exact spelling is “{spelling}”.",
    "feedback.accents": "Accepted; it is written “{spelling}”, with its accents.",
    "feedback.also_ticked": "You also ticked: {choices}.",
    "feedback.not_ticked": "You did not tick: {choices}.",
    "feedback.wrong_pairs": "Wrong pairs: {pairs}.",
    "feedback.pair": "{left} = {right}",
    "feedback.order_right": "In the right position: {positions} (of {count}).",
    "feedback.order_none": "No item was in its right position.",
    "feedback.answer": "The answer: {answer}",
    "feedback.your_answer": "Your answer: {answer}",
    "feedback.why": "Why: {explanation}",
    "feedback.evidence": "In the article:",
    "feedback.evidence_from": "In the article ({source}):",
    "feedback.quote": "“{quote}”",
    "feedback.quote_translated": "“{quote}” — {translation}",
    "feedback.context": "Context (not from the article):",
    "feedback.recorded": "Answer recorded.",
    "feedback.too_late": "Time is up: this answer came after the time limit and does not count.",
    "feedback.time_up": "Time is up.",
    # describing answers
    "answer.true": "true",
    "answer.false": "false",
    "answer.number_tolerance": "{number} (± {tolerance})",
    "answer.order_sep": " → ",
    "answer.list_sep": "; ",
    "answer.none": "(no answer)",
    # summary
    "summary.title": "Results",
    "summary.score": "Score: {score} of {max_score} {point_word} ({percent}).",
    "summary.answered": "{answered} of {total} answered.",
    "summary.skipped": "Skipped: {skipped}.",
    "summary.time": "Time taken: {duration}.",
    "summary.timeout": "Time ran out: {count} questions were left unanswered and score 0.",
    "summary.timeout_one": "Time ran out: {count} question was left unanswered and scores 0.",
    "summary.unanswered": "Exam stopped early: {count} questions were left unanswered and score 0.",
    "summary.unanswered_one": "Exam stopped early: {count} question was left unanswered and scores 0.",
    "summary.by_tag": "By tag",
    "summary.tag": "tag",
    "summary.questions": "questions",
    "summary.points": "points",
    "summary.missed": "To review (missed or partly right)",
    "summary.missed_none": "No question missed. Well done!",
    "summary.missed_item": "{prompt} — the answer: {answer}",
    "summary.retry": "Retry the {count} missed {question_word}?",
    "summary.retry_one": "Retry the missed question?",
    "summary.results_written": "Results written to {path}.",
    "summary.interrupted": "Session stopped.",
    "summary.nothing": "No question answered.",
    "duration.minutes": "{minutes} min {seconds} s",
    "duration.seconds": "{seconds} s",
    # progress
    "stats.title": "Progress",
    "stats.title_bank": "Progress: {bank}",
    "stats.empty": "No answers yet: play a bank with 'newsquiz play', then come back.",
    "stats.unknown_bank": "No answers for the bank {bank} (banks with answers: {known}).",
    "stats.totals": "{answers} {answer_word} in {sessions} {session_word}.",
    "stats.accuracy": "Accuracy (answers fully right)",
    "stats.all_time": "all time",
    "stats.last_7": "last 7 days",
    "stats.last_30": "last 30 days",
    "stats.answers_count": "({count} {answer_word})",
    "stats.activity": "Answers per day, last 30 days",
    "stats.no_activity": "No answers in the last 30 days.",
    "stats.quiet_days": "Days without answers: {count}.",
    "stats.more_leeches": "… and {count} more.",
    "stats.by_bank": "By bank",
    "stats.by_tag": "By tag",
    "stats.due": "Reviews due",
    "stats.due_now": "Due now: {ready}; by the end of today: {count}. Next 7 days:",
    "stats.weakest": "Weakest questions",
    "stats.standing": "({bank}: {correct} right of {answers})",
    "stats.leeches": "Leeches: missed again and again (worth a new look at the article)",
    "stats.lapses": "{count} lapses",
    "review.title": "Review",
    "review.queue": "{due} due, {new} new.",
    "review.more_due": "{count} are due in all: the most overdue come first; the rest wait for the next review.",
    "review.nothing": "Nothing to review now.",
    "review.changed": "The answer to “{prompt}” changed in the bank: its review starts again.",
    "review.next_today": "Next: {count} due later today, from {time}.",
    "review.next_tomorrow": "Next: {count} due tomorrow.",
    "review.next_on": "Next: {count} due on {date}.",
    "review.none_scheduled": "No review scheduled: play a bank to start.",
    "store.unavailable": "Progress will not be saved: {reason}.",
    "store.unreadable": "No progress to show: {reason}.",
    "store.moved": "The progress file was damaged: it was moved to {path} and a new one started.",
    # menus
    "menu.bank": "Which bank do you want to play?",
    "menu.mode": "Which mode?",
    "menu.practice": "Practice (feedback after every answer)",
    "menu.exam": "Exam (feedback at the end)",
}

FR: Mapping[str, str] = {
    "language_name": "français",
    "word.point.one": "point",
    "word.point.other": "points",
    "word.question.one": "question",
    "word.question.other": "questions",
    "word.answer.one": "réponse",
    "word.answer.other": "réponses",
    "word.session.one": "session",
    "word.session.other": "sessions",
    "session.title": "{title}",
    "session.practice": "Entraînement : correction après chaque réponse.",
    "session.exam": "Examen : pas de correction avant la fin.",
    "session.exam_time": "Examen : pas de correction avant la fin. Temps accordé : {minutes} min.",
    "session.count": "{count} {question_word}, {points} {point_word}.",
    "session.keys_plain": "Tapez ? pour un indice (la question vaut alors moitié moins), une ligne vide pour passer. Ctrl-C pour arrêter.",
    "session.keys_tty": "Flèches et Entrée pour répondre. Ctrl-C pour arrêter.",
    "question.header": "Question {number} sur {total}",
    "question.points": "{points} pt",
    "question.points_plural": "{points} pts",
    "question.time_left": "Il reste {minutes} min {seconds:02d} s",
    "question.hint_available": "un indice est disponible",
    "question.as_of": "(au {date})",
    "ask.choice": "Tapez le numéro de votre réponse (de 1 à {count}).",
    "ask.multi": "Plusieurs réponses possibles : tapez leurs numéros séparés par des espaces (par exemple : 1 3).",
    "ask.truefalse": "Tapez v pour vrai ou f pour faux (aussi : vrai, faux, oui, non).",
    "ask.short": "Tapez votre réponse.",
    "ask.number": "Tapez un nombre.",
    "ask.number_unit": "Tapez un nombre (en {unit}).",
    "ask.date_year": "Tapez une année (par exemple : {year}).",
    "ask.date_month": "Tapez un mois et une année (par exemple : {numeric} ou {words}).",
    "ask.date_day": "Tapez une date (par exemple : {numeric} ou {words}).",
    "ask.order": "Tapez les numéros des {count} éléments dans le bon ordre, séparés par des espaces (par exemple : {example}).",
    "ask.match": "Pour chaque élément de gauche, dans l’ordre, tapez le numéro de son correspondant à droite, séparés par des espaces (par exemple : {example}).",
    "ask.cloze": "Tapez la réponse de chaque trou, une ligne par trou ({count} trous). Une ligne vide laisse le trou vide.",
    "ask.cloze_keys": "? au premier trou pour l’indice ; tous les trous vides passent la question.",
    "ask.cloze_keys_nohint": "Tous les trous vides passent la question.",
    "ask.cloze_blank": "Trou {number} :",
    "ask.extra_keys": "? pour l’indice, une ligne vide pour passer.",
    "ask.extra_keys_nohint": "Une ligne vide pour passer.",
    "ask.tty_multi": "Espace pour cocher, Entrée pour valider",
    "ask.tty_order": "Qu’est-ce qui vient en position {position} ?",
    "ask.tty_match": "{left} correspond à…",
    "ask.tty_text": "Votre réponse (? pour l’indice, vide pour passer)",
    "ask.tty_text_nohint": "Votre réponse (vide pour passer)",
    "ask.tty_blank": "Trou {number} sur {count} :",
    "ask.tty_select": "(flèches, puis Entrée)",
    "ask.hint_choice": "? Voir l’indice (la question vaut alors moitié moins)",
    "ask.skip_choice": "Passer cette question",
    "ask.undo_choice": "↩ Reprendre « {item} »",
    "ask.true": "Vrai",
    "ask.false": "Faux",
    "ask.invalid_number": "« {typed} » n’est pas un des numéros de 1 à {count}. Réessayez.",
    "ask.invalid_list": "Tapez {count} numéros différents de 1 à {max}, séparés par des espaces. Réessayez.",
    "ask.invalid_truefalse": "Tapez v (vrai) ou f (faux). Réessayez.",
    "ask.invalid_multi": "Tapez les numéros de vos choix, de 1 à {max}, séparés par des espaces. Réessayez.",
    "ask.invalid_form_number": "« {typed} » n’est pas un nombre : tapez-le en chiffres (par exemple {first} ou {second}). Réessayez.",
    "ask.invalid_form_date": "« {typed} » n’est pas une date lisible : essayez {day}, {day_words}, {month_words} ou {year}. Réessayez.",
    "ask.date_no_year": "« {typed} » : l’année manque. Tapez la date entière (par exemple : {example}).",
    "ask.yes": "Oui",
    "ask.no": "Non",
    "ask.hint": "Indice : {hint}",
    "ask.no_hint": "Cette question n’a pas d’indice.",
    "ask.hint_used": "Indice affiché : la question vaut maintenant moitié moins.",
    "feedback.correct": "Bonne réponse.",
    "feedback.partial": "En partie juste.",
    "feedback.wrong": "Mauvaise réponse.",
    "feedback.skipped": "Question passée.",
    "feedback.points": "{points} {point_word} sur {max_points}.",
    "feedback.hint_halved": "(divisé par deux : l’indice a été utilisé)",
    "feedback.choice": "{choice} : {text}",
    "feedback.near_miss": "Acceptée, mais l’orthographe exacte est « {spelling} ».",
    "feedback.accents": "Acceptée ; cela s’écrit « {spelling} », avec les accents.",
    "feedback.also_ticked": "Vous avez aussi coché : {choices}.",
    "feedback.not_ticked": "Vous n’avez pas coché : {choices}.",
    "feedback.wrong_pairs": "Paires fausses : {pairs}.",
    "feedback.pair": "{left} = {right}",
    "feedback.order_right": "À la bonne place : {positions} (sur {count}).",
    "feedback.order_none": "Aucun élément n’était à sa place.",
    "feedback.answer": "La réponse : {answer}",
    "feedback.your_answer": "Votre réponse : {answer}",
    "feedback.why": "Pourquoi : {explanation}",
    "feedback.evidence": "Dans l’article :",
    "feedback.evidence_from": "Dans l’article ({source}) :",
    "feedback.quote": "« {quote} »",
    "feedback.quote_translated": "« {quote} » — {translation}",
    "feedback.context": "Contexte (hors article) :",
    "feedback.recorded": "Réponse enregistrée.",
    "feedback.too_late": "Temps écoulé : cette réponse est arrivée après la limite et ne compte pas.",
    "feedback.time_up": "Temps écoulé.",
    "answer.true": "vrai",
    "answer.false": "faux",
    "answer.number_tolerance": "{number} (± {tolerance})",
    "answer.order_sep": " → ",
    "answer.list_sep": " ; ",
    "answer.none": "(pas de réponse)",
    "summary.title": "Résultats",
    "summary.score": "Score : {score} {point_word} sur {max_score} ({percent}).",
    "summary.answered": "Questions répondues : {answered} sur {total}.",
    "summary.skipped": "Questions passées : {skipped}.",
    "summary.time": "Durée : {duration}.",
    "summary.timeout": "Temps écoulé : {count} questions sont restées sans réponse et valent 0.",
    "summary.timeout_one": "Temps écoulé : {count} question est restée sans réponse et vaut 0.",
    "summary.unanswered": "Examen arrêté avant la fin : {count} questions sont restées sans réponse et valent 0.",
    "summary.unanswered_one": "Examen arrêté avant la fin : {count} question est restée sans réponse et vaut 0.",
    "summary.by_tag": "Par thème",
    "summary.tag": "thème",
    "summary.questions": "questions",
    "summary.points": "points",
    "summary.missed": "À revoir (manquées ou en partie justes)",
    "summary.missed_none": "Aucune question manquée. Bravo !",
    "summary.missed_item": "{prompt} — la réponse : {answer}",
    "summary.retry": "Refaire les {count} {question_word} manquées ?",
    "summary.retry_one": "Refaire la question manquée ?",
    "summary.results_written": "Résultats écrits dans {path}.",
    "summary.interrupted": "Session interrompue.",
    "summary.nothing": "Aucune question répondue.",
    "duration.minutes": "{minutes} min {seconds} s",
    "duration.seconds": "{seconds} s",
    "stats.title": "Progrès",
    "stats.title_bank": "Progrès : {bank}",
    "stats.empty": "Pas encore de réponses : jouez une banque avec « newsquiz play », puis revenez.",
    "stats.unknown_bank": "Aucune réponse pour la banque {bank} (banques avec des réponses : {known}).",
    "stats.totals": "{answers} {answer_word} en {sessions} {session_word}.",
    "stats.accuracy": "Réussite (réponses entièrement justes)",
    "stats.all_time": "depuis le début",
    "stats.last_7": "7 derniers jours",
    "stats.last_30": "30 derniers jours",
    "stats.answers_count": "({count} {answer_word})",
    "stats.activity": "Réponses par jour, 30 derniers jours",
    "stats.no_activity": "Aucune réponse ces 30 derniers jours.",
    "stats.quiet_days": "Jours sans réponse : {count}.",
    "stats.more_leeches": "… et {count} autres.",
    "stats.by_bank": "Par banque",
    "stats.by_tag": "Par thème",
    "stats.due": "Révisions prévues",
    "stats.due_now": "À revoir maintenant : {ready} ; d’ici ce soir : {count}. Les 7 prochains jours :",
    "stats.weakest": "Questions les plus difficiles",
    "stats.standing": "({bank} : {correct} justes sur {answers})",
    "stats.leeches": "Sangsues : manquées encore et encore (l’article mérite une relecture)",
    "stats.lapses": "{count} oublis",
    "review.title": "Révision",
    "review.queue": "{due} à revoir, {new} nouvelles.",
    "review.more_due": "{count} sont à revoir en tout : les plus en retard d’abord ; les autres attendront la prochaine révision.",
    "review.nothing": "Rien à réviser pour le moment.",
    "review.changed": "La réponse à « {prompt} » a changé dans la banque : sa révision recommence.",
    "review.next_today": "Ensuite : {count} à revoir plus tard aujourd’hui, à partir de {time}.",
    "review.next_tomorrow": "Ensuite : {count} à revoir demain.",
    "review.next_on": "Ensuite : {count} à revoir le {date}.",
    "review.none_scheduled": "Aucune révision prévue : jouez une banque pour commencer.",
    "store.unavailable": "La progression ne sera pas enregistrée : {reason}.",
    "store.unreadable": "Aucune progression à montrer : {reason}.",
    "store.moved": "Le fichier de progression était endommagé : il a été déplacé vers {path} et un nouveau a été créé.",
    "menu.bank": "Quelle banque de questions voulez-vous jouer ?",
    "menu.mode": "Quel mode ?",
    "menu.practice": "Entraînement (correction après chaque réponse)",
    "menu.exam": "Examen (correction à la fin)",
}

EN = {**EN, **AUTHORING_EN, **PLAY_EN}
FR = {**FR, **AUTHORING_FR, **PLAY_FR}

CATALOGUES: Mapping[str, Mapping[str, str]] = {"en": EN, "fr": FR}

MONTHS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
}  # fmt: skip


def interface_language(requested: str | None, bank_language: str) -> str:
    """The language the quiz speaks: the one asked for, else the bank's, else English."""
    for candidate in (requested, bank_language):
        if candidate:
            base = candidate.split("-")[0].lower()
            if base in CATALOGUES:
                return base
    return "en"


class Messages:
    """Look up and fill in the sentences of one language."""

    def __init__(self, language: str) -> None:
        self.language = language if language in CATALOGUES else "en"
        self._catalogue = CATALOGUES[self.language]

    def __call__(self, key: str, **values: object) -> str:
        return self.template(key).format(**values)

    def template(self, key: str) -> str:
        return self._catalogue[key]

    def percent(self, value: int) -> str:
        return f"{value}\u00a0%" if self.language == "fr" else f"{value}%"

    def word(self, noun: str, amount: float) -> str:
        """``point`` or ``points``: French keeps the singular below 2 (« 1,5 point »)."""
        one = abs(amount) < 2 if self.language == "fr" else amount == 1
        return self(f"word.{noun}.{'one' if one else 'other'}")

    def number(self, value: float) -> str:
        """A number as people write it in this language (2.5 / 2,5; no trailing .0)."""
        text = f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
        if text == "-0":
            text = "0"
        return text.replace(".", ",") if self.language == "fr" else text

    def date(self, year: int, month: int | None = None, day: int | None = None) -> str:
        if month is None:
            return str(year)
        name = MONTHS[self.language][month - 1]
        if day is None:
            return f"{name} {year}"
        if self.language == "fr":
            return f"{'1er' if day == 1 else day} {name} {year}"
        return f"{name} {day}, {year}"

    def duration(self, seconds: float) -> str:
        whole = round(seconds)
        if whole < 60:
            return self("duration.seconds", seconds=whole)
        return self("duration.minutes", minutes=whole // 60, seconds=whole % 60)
