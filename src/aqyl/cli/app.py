"""The ``aqyl`` command's root: every command group registered, and the one error boundary that
turns a typed error into a line in the user's language (exit 2), a database fault into what to
do (exit 2) and anything else into a logged crash (exit 3) — never a traceback."""

from __future__ import annotations

import contextlib
import gc
import re
import sys
from collections.abc import Sequence
from itertools import pairwise

import click
import typer
from typer.core import TyperArgument, TyperGroup

from aqyl.cli.present import default_lang, fail, state
from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import LANGUAGES

# Refusals of the account given with --user are said plainly, without the error mark.
UNMARKED = ("no_user", "user_inactive", "user_may_not_store")


def _usage_name(self: TyperArgument) -> str:
    """An argument on the usage line as click writes it (``FILES...``, ``[FILE]``): typer 0.29
    writes a required one as ``{files}``, which reads as an unfilled template."""
    name = self.metavar if self.metavar is not None else (self.name or "").upper()
    if not self.required:
        name = f"[{name}]"
    return name + "..." if self.nargs != 1 else name


TyperArgument._usage_display_name = _usage_name  # type: ignore[method-assign]


class Boundary(TyperGroup):
    """The root group: its invoke runs every command, so errors of all of them pass here, both
    for the installed command and for an in-process runner (tests)."""

    def make_context(self, info_name, args, parent=None, **extra):
        given = list(args)
        from aqyl.cli.help_text import translate

        translate(self, _lang_in(given) or default_lang())  # before click reads an eager --help
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except Exception as error:  # the root's own options (aqyl --nosuch)
            _refuse_usage(error, given, info_name or "aqyl")
            raise
        ctx.meta["aqyl_args"] = given  # for the language of a usage error, said before --lang is read
        return ctx

    def invoke(self, ctx: click.Context):
        try:
            _refuse_option_as_value(self, ctx.meta.get("aqyl_args", []))
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException, click.exceptions.Exit, click.ClickException,
                click.exceptions.Abort) as error:
            # An exit a command chose, or a usage error (typer's own copy of click raises it as
            # typer.TyperException: a mistyped command was "Internal error"): the ones click would
            # say in English are said here in the user's language, the rest by click.
            args = ctx.meta.get("aqyl_args", [])
            # click names no command for some errors (a missing value): the one being run is it.
            named = next((a for a in args if not a.startswith("-")), None)
            _refuse_usage(error, args, f"{ctx.command_path} {named}" if named in self.commands else ctx.command_path)
            raise
        except AqylError as error:
            lang = state.lang or default_lang()
            fail(error.message(lang), 2, mark=error.key not in UNMARKED)
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except BrokenPipeError:
            _closed_pipe()
        except Exception as error:  # the last guard: a short line, never a traceback
            from aqyl.app.system import crash_line, fault_message

            lang = state.lang or default_lang()
            if (said := fault_message(error, lang)) is not None:  # the database's fault: what to do
                fail(said, 2)
            fail(crash_line(error), 3)


def _closed_pipe() -> None:
    """The reader of the output went away (``aqyl hei list --json | head``): end quietly, as a
    Unix tool killed by SIGPIPE (exit 141), with nothing more written to the closed pipe."""
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's own flush at exit finds no pipe
    raise typer.Exit(141)


def _refuse_usage(error: Exception, args: Sequence[str], command: str) -> None:
    """A usage error click would say in English (an unknown command or option, a missing value),
    said in the user's language instead, with where the help is; exit 2. Others pass."""
    lang = _lang_in(args) or state.lang or default_lang()
    said = usage_words(error, lang, command)
    if said is not None:
        fail(said, 2)


def _refuse_option_as_value(group: click.Command, args: Sequence[str]) -> None:
    """``--user --lang kk``: click takes the next option for the missing value (a user called
    "--lang", then "kk" an extra argument); said here as the missing value it is."""
    command = group  # click's classes or typer's copy of them: told apart by attributes
    rest = list(args)
    while rest and rest[0] in getattr(command, "commands", {}):
        command = command.commands[rest.pop(0)]
    takes_value = {o for p in command.params if getattr(p, "is_flag", True) is False and p.nargs == 1
                   for o in p.opts}
    names = {o for p in command.params for o in (*p.opts, *p.secondary_opts) if o.startswith("-")} | {"--help"}
    for option, following in pairwise(rest):
        if option == "--":
            return
        if option in takes_value and following.split("=", 1)[0] in names:
            raise click.BadOptionUsage(option, f"Option '{option}' requires an argument.")


def _lang_in(args: Sequence[str]) -> str | None:
    """The --lang of the command line, if it names one of ours (read before click reaches it)."""
    for i, arg in enumerate(args):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else (
            args[i + 1] if arg == "--lang" and i + 1 < len(args) else None)
        if value in LANGUAGES:
            return value
    return None


def usage_words(error: Exception, lang: str, command: str = "aqyl") -> str | None:
    """``error`` in ``lang`` if it is one of click's usage errors we word (click's classes and
    typer's copy of them alike, so told apart by name and attributes), else None. ``command``:
    the command's name when the error does not carry it."""
    from aqyl.domain.wording.commands import say

    kind = type(error).__name__
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else command
    message = str(getattr(error, "message", "") or "")
    param = getattr(error, "param", None)
    name = ""
    if param is not None:
        opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
        name = max(opts, key=len) if opts else str(param.name or "").upper()
    option = getattr(error, "option_name", "")
    if kind == "NoSuchOption":
        text = say("usage_no_option", lang, command=command, option=option)
        if similar := getattr(error, "possibilities", None):
            text += " " + say("usage_similar", lang, options=", ".join(sorted(similar)))
    elif kind == "BadOptionUsage" and message.endswith("requires an argument."):
        text = say("usage_needs_value", lang, option=option)
    elif kind == "MissingParameter" and name:
        text = say("usage_needs", lang, command=command, name=name)
    elif kind == "BadParameter" and name:
        value = re.match(r"(?:Value )?'(.*)' is not", message)
        text = (say("usage_bad_value", lang, option=name, value=value.group(1)) if value
                else say("usage_bad", lang, option=name))
    elif kind == "UsageError" and (unknown := re.fullmatch(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?", message)):
        # typer suggests the commands whose names are close ("imprt": 'import'; "export": 'report', 'import').
        text = say("usage_no_command", lang, name=unknown.group(1))
        similar = re.findall(r"'([^']*)'", unknown.group(2) or "")
        if len(similar) == 1:
            text += " " + say("usage_similar_command", lang, name=similar[0])
        elif similar:
            text += " " + say("usage_similar", lang, options=", ".join(similar))
    elif kind == "UsageError" and (extra := re.fullmatch(r"Got unexpected extra arguments? ?(?:\(s\))? \((.*)\)", message)):
        text = say("usage_extra", lang, args=extra.group(1))
    else:
        return None
    return text + " " + say("usage_help", lang, help=f"{command} --help")


app = typer.Typer(cls=Boundary, help="Aqyl: academic mobility and intellectual migration monitoring.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)


def _register() -> None:
    from aqyl.cli import (
        accounts,
        cohorts,
        flows,
        imports,
        interviews,
        migration,
        note_texts,
        opendata,
        ops,
        registry,
        reports,
        research,
        submissions,
        surveys,
        system,
    )

    # The order of --help: the ones every user needs first.
    for module in (system, reports, imports, submissions, registry, flows, migration, cohorts, surveys, interviews,
                   note_texts, accounts, opendata, ops, research):
        module.register(app)


_register()


def main() -> None:
    """The installed command and ``python -m aqyl.cli``."""
    state.lang = None
    try:
        app()
    except KeyboardInterrupt:  # while parsing, before a command ran
        sys.exit(130)
    except BrokenPipeError:  # the output's reader left while a command's last lines were flushed
        with contextlib.suppress(typer.Exit):
            _closed_pipe()
        sys.exit(141)
    finally:
        _before_exit()


def _before_exit() -> None:
    """The command is done: its database connections are closed now, and every object left is
    frozen out of the collections the interpreter runs as it exits (passes over Django's 110,000
    objects: 0.4 s at the end of a million-row import, a background checkpoint meanwhile)."""
    settings = getattr(sys.modules.get("django.conf"), "settings", None)  # None: Django never loaded
    if settings is not None and settings.configured:
        from django.db import connections

        with contextlib.suppress(Exception):  # the exit goes on whatever a close says
            connections.close_all()
    gc.freeze()
