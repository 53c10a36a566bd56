"""``aqyl user add``, ``aqyl period open`` and ``aqyl remind``: accounts with their role, collection
periods, and the e-mail reminders of the collection cycle."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from aqyl.app import accounts
from aqyl.app.system import open_database
from aqyl.cli.present import console, lang_option
from aqyl.domain.wording.commands import say
from aqyl.domain.wording.interface import ui

user_app = typer.Typer(help="Users of the web application and their roles.", no_args_is_help=True)
period_app = typer.Typer(help="Collection periods: open a half-year for submissions with a deadline.", no_args_is_help=True)
MessagesLang = lang_option("Language of messages: kk, ru or en.")


@user_app.command("add")
def user_add(
    username: Annotated[str, typer.Argument(help="The sign-in name.")],
    role: Annotated[str, typer.Option(help="officer, analyst or admin.")],
    hei: Annotated[str | None, typer.Option(help="The officer's HEI (code or name).")] = None,
    email: Annotated[str, typer.Option(help="E-mail address, for reminders and password reset.")] = "",
    language: Annotated[str, typer.Option(help="The user's language: kk, ru or en (pages and e-mail).")] = "kk",
    lang: MessagesLang = "",
) -> None:
    """Add a user with a role (and an officer's HEI) in one step. The password is asked for, or read
    from standard input when that is not a terminal."""
    accounts.check_role(role, hei)
    open_database()
    found_hei = accounts.check_new_user(username, hei)
    if sys.stdin.isatty():
        password = typer.prompt(ui("password", lang), hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    made = accounts.add_user(username, role, found_hei, email, language, password)
    from aqyl.app.access import role_word

    console.print(say("user_created", lang, user=made.username, role=role_word(made.role).get(lang),
                      hei=f", {made.hei}" if made.hei else ""))


def remind(
    period: Annotated[str | None, typer.Option(help="Half-year, e.g. 2024H1. Without it: every open period whose "
                                               "reminders are due today (a week and a day before the deadline, "
                                               "then daily once it has passed) — for a daily timer.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List whom the reminders would go to; send nothing.")] = False,
    lang: MessagesLang = "",
) -> None:
    """E-mail the officers of HEIs that have not submitted (or must correct) a period, each in their language."""
    open_database()
    periods = accounts.reminder_periods(period)
    if not periods:
        console.print(say("nothing_due", lang))
        return
    for p in periods:
        reminders = accounts.remind(p, dry_run)
        for r in reminders:
            to = ", ".join(r.to) or f"({say('no_address', lang)})"
            console.print(f"{p}  {r.hei:<12} {r.status:<14} {to}")
        if dry_run:
            console.print(say("reminders_would", lang, n=len(reminders)))
            continue
        # The HEIs reached and the messages that went; those nobody could be written to, by name.
        reached, unreached = [r for r in reminders if r.sent], [r.hei for r in reminders if not r.sent]
        console.print(say("reminders_sent", lang, n=len(reached), mails=sum(r.sent for r in reached)))
        if unreached:
            console.print(say("reminder_unreached", lang, n=len(unreached), heis=", ".join(unreached)))


@period_app.command("open")
def period_open(
    period: Annotated[str, typer.Argument(help="Half-year, e.g. 2024H1.")],
    deadline: Annotated[str, typer.Option(help="The last day for submissions, YYYY-MM-DD.")],
    lang: MessagesLang = "",
) -> None:
    """Open a half-year for submissions, or move its deadline."""
    open_database()
    code, day = accounts.open_period(period, deadline)
    console.print(ui("period_opened", lang, period=code, deadline=day))


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
    app.add_typer(period_app, name="period")
    app.command("remind")(remind)  # uploads run on `aqyl worker` (aqyl.cli.research), the same queue
