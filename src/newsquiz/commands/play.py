"""`newsquiz play [BANK]`: a practice session or an exam over one bank."""

from __future__ import annotations

from newsquiz.argument_types import MAX_COUNT, minutes, text, whole_number
from newsquiz.commands.arguments import Command, option, positional, switch
from newsquiz.commands.banks import valid_bank
from newsquiz.commands.errors import UsageError
from newsquiz.commands.quiz import SEED, open_recorder, play_through, quiz_options, quiz_view
from newsquiz.commands.results_output import checked_results_dir, results_target_of, save_results
from newsquiz.commands.stores import bank_cache
from newsquiz.commands.terminal import interface_mode, locale_messages, report_skipped
from newsquiz.shown_path import shown_path

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    import random
    from random import Random

    from newsquiz.bank_files import Skipped
    from newsquiz.context import Environment
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlayView
    from newsquiz.model import Bank
    from newsquiz.progress import Recorder
    from newsquiz.session import Session


ARGUMENTS = (
    positional("bank", nargs="?", metavar="BANK", help="help.play.bank"),
    switch("--exam", help="help.play.exam"),
    option("--time", type=minutes, metavar="MINUTES", help="help.play.time"),
    switch("--negative", help="help.play.negative"),
    option("-n", type=whole_number(1, MAX_COUNT), metavar="N", help="help.play.n"),
    option("--tag", repeated=True, metavar="TAG", help="help.play.tag"),
    option("--seed", type=SEED, metavar="N", help="help.play.seed"),
    switch("--no-shuffle", help="help.play.no_shuffle"),
    # What a teacher collects.
    option("--results", metavar="FILE", help="help.play.results"),
    option("--results-dir", metavar="DIR", help="help.play.results_dir"),
    option("--student", type=text, metavar="NAME", help="help.play.student"),
    *quiz_options(language="help.play.lang", plain="help.play.plain", no_save="help.play.no_save"),
)


def run(args: argparse.Namespace, env: Environment) -> int:
    import random
    from dataclasses import replace

    from newsquiz.commands.play_choice import check_exam_options, choose_bank
    from newsquiz.interface.console import make_console
    from newsquiz.interface.language import choose_language
    from newsquiz.interface.messages import Messages
    from newsquiz.interface.play import PlainMessages
    from newsquiz.results_target import TargetKind
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
    bank = valid_bank(cache.read(path, shown_as=shown_path(path, env.cwd)), env, usage)
    language = choose_language(args.lang, (bank.language,), env.environ)
    say = PlainMessages(language) if plain else Messages(language)
    console.french = say.spaced_punctuation
    rng = random.Random(args.seed) if args.seed is not None else env.rng
    session = _start(args, env, bank, exam=exam, rng=rng, say=say)
    with open_recorder(args, env, say) as recorder:
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


def _start(
    args: argparse.Namespace,
    env: Environment,
    bank: Bank,
    *,
    exam: bool,
    rng: random.Random,
    say: Messages,
) -> Session:
    """The session the options ask for; a usage error when --tag leaves no question."""
    import datetime as dt

    from newsquiz.session import Mode, Options, SessionError, start_session

    options = Options(
        mode=Mode.EXAM if exam else Mode.PRACTICE,
        count=args.n,
        tags=tuple(args.tag),
        shuffle=not args.no_shuffle,
        negative=args.negative,
        time_limit=dt.timedelta(minutes=args.time) if args.time else None,
    )
    try:
        return start_session(bank, options, rng, env.clock())
    except SessionError as exc:
        known = ", ".join(bank.tag_label(t) for t in exc.known) or say("usage.none")
        raise UsageError(say("usage.no_tag", tags=", ".join(exc.tags), known=known)) from None


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


COMMANDS = (Command("play", ARGUMENTS, run),)
