"""`newsquiz play [BANK]`: a practice session or an exam over one bank."""

from __future__ import annotations

from newsquiz.commands.errors import InvalidInput, UsageError
from newsquiz.commands.quiz import open_recorder, play_through, quiz_view
from newsquiz.commands.results_output import checked_results_dir, results_target_of, save_results
from newsquiz.commands.stores import bank_cache
from newsquiz.commands.terminal import (
    add_display_options,
    interface_mode,
    locale_messages,
    report_skipped,
)
from newsquiz.shown_path import shown_path

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from random import Random

    from newsquiz.bank_files import Skipped
    from newsquiz.context import Environment
    from newsquiz.interface.play import PlayView
    from newsquiz.progress import Recorder
    from newsquiz.session import Session


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import argparse

    from newsquiz.argument_types import MAX_COUNT, MAX_SEED, minutes, text, whole_number

    seed = whole_number(-MAX_SEED, MAX_SEED)
    formatter = argparse.RawDescriptionHelpFormatter
    play = commands.add_parser(
        "play",
        help="play a bank: practice (feedback after each answer) or exam",
        description="Play a question bank. BANK is a bank id (see 'newsquiz list') or the "
        "path of a .yaml file. With no BANK, a terminal offers a menu; otherwise the "
        "sample bank is played.",
        epilog="examples:\n  newsquiz play\n  newsquiz play goita-kremlin-2025-en -n 5\n"
        "  newsquiz play goita-kremlin-2025-fr --exam --time 10 --results results.json\n"
        "  newsquiz play my-bank.yaml --plain < answers.txt\n\n"
        "In plain mode, type the number of a choice, several numbers separated by spaces "
        "(select all that apply, order, match), t/f, v/f, yes/no or oui/non (true/false), "
        "? for the hint, "
        "an empty line to skip.",
        formatter_class=formatter,
    )
    play.add_argument("bank", nargs="?", metavar="BANK", help="a bank id or a .yaml file")
    play.add_argument("--exam", action="store_true", help="no feedback until the end")
    play.add_argument("--time", type=minutes, metavar="MINUTES", help="time limit of an exam")
    play.add_argument(
        "--negative",
        action="store_true",
        help="in an exam, a wrong choice costs points/(number of choices - 1)",
    )
    play.add_argument("-n", type=whole_number(1, MAX_COUNT), metavar="N", help="ask N questions")
    play.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="only questions with this tag (repeatable)",
    )
    play.add_argument("--seed", type=seed, metavar="N", help="the same shuffle every time")
    play.add_argument(
        "--no-shuffle", action="store_true", help="questions and choices in the file's order"
    )
    play.add_argument("--results", metavar="FILE", help="write the results as JSON to FILE")
    play.add_argument(
        "--results-dir",
        metavar="DIR",
        help="write the results as a new JSON file in DIR (student_bank_time_random.json: "
        "one file per session, never replacing another), for 'newsquiz report'",
    )
    play.add_argument(
        "--student",
        type=text,
        metavar="NAME",
        help="the student's name, for the results (default: your login name)",
    )
    add_display_options(
        play,
        language="the interface language (default: the bank's)",
        plain="numbered choices and one line per answer (automatic when input is not a terminal)",
    )
    play.add_argument(
        "--no-save", action="store_true", help="leave no trace: no history, no schedule"
    )
    play.set_defaults(run=run)


def run(args: argparse.Namespace, env: Environment) -> int:
    import datetime as dt
    import random
    from dataclasses import replace

    from newsquiz.commands.play_choice import check_exam_options, choose_bank
    from newsquiz.interface.console import make_console
    from newsquiz.interface.language import choose_language
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlainMessages
    from newsquiz.interface.problems import localized
    from newsquiz.results_target import TargetKind
    from newsquiz.session import Mode, Options, SessionError, start_session
    from newsquiz.status import ExitStatus

    usage = locale_messages(env, args.lang)
    check_exam_options(args, usage)
    target = results_target_of(args.results, env, usage)
    results_out = env.stdout
    if target is not None and target.kind is TargetKind.STDOUT:
        # Standard output carries the results alone: the quiz talks on standard error.
        env = replace(env, stdout=env.stderr)
    results_dir = checked_results_dir(args, env)
    plain, color = interface_mode(args, env)
    console = make_console(env.stdout, color=color, plain=plain)
    cache = bank_cache(env)
    skipped: list[Skipped] = []
    try:
        path, exam = choose_bank(args, env, plain=plain, cache=cache, skipped=skipped)
    finally:
        report_skipped(env, skipped, usage)
    report = cache.read(path, shown_as=shown_path(path, env.cwd))
    if report.bank is None:
        for problem in report.errors:
            env.stderr.write(f"{localized(problem, usage)}\n")
        count = len(report.errors)
        raise InvalidInput(
            usage(
                "usage.invalid_bank",
                path=report.path,
                count=count,
                error_word=usage.word("error", count),
            )
        )
    bank = report.bank
    language = choose_language(args.lang, (bank.language,), env.environ)
    say = PlainMessages(language) if plain else Messages(language)
    console.french = say.spaced_punctuation
    options = Options(
        mode=Mode.EXAM if exam else Mode.PRACTICE,
        count=args.n,
        tags=tuple(args.tag),
        shuffle=not args.no_shuffle,
        negative=args.negative,
        time_limit=dt.timedelta(minutes=args.time) if args.time else None,
    )
    rng = random.Random(args.seed) if args.seed is not None else env.rng
    try:
        session = start_session(bank, options, rng, env.clock())
    except SessionError as exc:
        known = ", ".join(bank.tag_label(t) for t in exc.known) or say("usage.none")
        raise UsageError(say("usage.no_tag", tags=", ".join(exc.tags), known=known)) from None
    recorder = open_recorder(args, env, say)
    view = quiz_view(console, say, env, plain=plain, recorder=recorder)
    if recorder is not None:
        for changed in recorder.reset_changed(session.items):
            console.print(
                say("review.changed", prompt=changed.question.prompt or changed.question.id)
            )

    from newsquiz.commands.keeping import write_results_to

    def write_results(now: dt.datetime) -> None:
        send = None
        if target is not None:
            checked = target

            def send(document: dict[str, object]) -> None:
                write_results_to(checked, document, results_out, console, say)

        save_results(args, env, session, now, results_dir, send, console, say)

    finished = play_through(view, session, recorder, env, after=write_results)
    if finished and not plain:
        _offer_retry(view, session, recorder, env, rng)
    return ExitStatus.SUCCESS


def _offer_retry(
    view: PlayView, session: Session, recorder: Recorder | None, env: Environment, rng: Random
) -> None:
    """Offer to practise the missed questions again. After an exam, No is the default,
    and keys typed while the time ran out are dropped first."""
    from newsquiz.session import Mode, Options, start_session

    missed = [item.question for item in session.summary().missed]
    if not missed or session.bank is None:
        return
    say = view.say
    offer = (
        say("summary.retry_one")
        if len(missed) == 1
        else say(
            "summary.retry", count=len(missed), question_word=say.word("question", len(missed))
        )
    )
    exam = session.options.mode is Mode.EXAM
    if view.prompter.confirm(offer, default=not exam, fresh=exam):
        practice = Options(mode=Mode.PRACTICE, shuffle=session.options.shuffle)
        retry = start_session(session.bank, practice, rng, env.clock(), questions=missed)
        play_through(view, retry, recorder, env)
