"""The ``aqyl`` command's root: every command group registered, and the one error boundary that
turns a typed error into a line in the user's language (exit 2), a database fault into what to
do (exit 2) and anything else into a logged crash (exit 3) — never a traceback."""

from __future__ import annotations

import sys
from typing import NoReturn

import click
import typer
from typer.core import TyperGroup

from aqyl.cli.present import default_lang, fail, state
from aqyl.domain.errors import AqylError

# Refusals of the account given with --user are said plainly, without the error mark.
UNMARKED = ("no_user", "user_may_not_store")


class Boundary(TyperGroup):
    """The root group: its invoke runs every command, so errors of all of them pass here, both
    for the installed command and for an in-process runner (tests)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException, click.exceptions.Exit, click.ClickException,
                click.exceptions.Abort):
            # An exit a command chose, or a usage error click reports itself (typer's own copy
            # of click raises typer.TyperException: a mistyped command was "Internal error").
            raise
        except AqylError as error:
            lang = state.lang or default_lang()
            fail(error.message(lang), 2, mark=error.key not in UNMARKED)
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as error:  # the last guard: a short line, never a traceback
            from aqyl.app.system import crash_line, fault_message

            lang = state.lang or default_lang()
            if (said := fault_message(error, lang)) is not None:  # the database's fault: what to do
                fail(said, 2)
            fail(crash_line(error), 3)


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
        code: object = 0
    except SystemExit as done:  # how click ends every command
        code = done.code
    except KeyboardInterrupt:  # while parsing, before a command ran
        code = 130
    if code is None:
        code = 0
    if not isinstance(code, int):
        sys.exit(code)  # a text: Python prints it
    end_process(code)


def end_process(code: int) -> NoReturn:
    """End the process without tearing the interpreter down, which took 0.2-0.3 s after a large
    import (every module and every frame's memory freed one object at a time). What teardown
    does that matters is done first, in its order: the threads still working joined (a large
    import's WAL checkpoint), the exit handlers run (logging, finalizers), the database
    connections closed (SQLite then removes its WAL), the output flushed."""
    import atexit
    import contextlib
    import os
    import threading

    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    if "django.db" in sys.modules:
        from django.apps import apps
        from django.db import connections

        if apps.ready:
            connections.close_all()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more can be said there
            stream.flush()
    os._exit(code)
