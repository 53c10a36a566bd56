"""The ``aqyl`` command's root: every command group registered, and the one error boundary that
turns a typed error into a line in the user's language (exit 2), a database fault into what to
do (exit 2) and anything else into a logged crash (exit 3) — never a traceback."""

from __future__ import annotations

import sys

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
    except KeyboardInterrupt:  # while parsing, before a command ran
        sys.exit(130)
