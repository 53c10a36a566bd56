"""``aqyl user add`` and ``aqyl remind``: accounts with their role, and the e-mail reminders of the
collection cycle (the same functions as the web board, :mod:`aqyl.store.cycle`)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import Label as L

user_app = typer.Typer(help="Users of the web application and their roles.", no_args_is_help=True)

TEXT = {
    "created": L("«{user}» пайдаланушысы жасалды: рөлі — {role}{hei}.", "Пользователь «{user}» создан: роль — {role}{hei}.",
                 "User “{user}” created: role {role}{hei}."),
    "exists": L("«{user}» пайдаланушысы бұрыннан бар. Басқа атау таңдаңыз.", "Пользователь «{user}» уже есть. Выберите другое имя.",
                "User “{user}” already exists. Choose another name."),
    "bad_role": L("Рөл: officer, analyst немесе admin, «{role}» емес.", "Роль: officer, analyst или admin, а не «{role}».",
                  "The role is officer, analyst or admin, not “{role}”."),
    "needs_hei": L("ЖОО қызметкеріне --hei арқылы ЖОО-ны көрсетіңіз.", "Для сотрудника вуза укажите вуз: --hei.",
                   "An HEI officer needs an HEI: give --hei."),
    "no_hei_needed": L("--hei тек ЖОО қызметкеріне беріледі.", "--hei указывается только для сотрудника вуза.",
                       "--hei is for HEI officers only."),
    "prompt": L("Құпиясөз", "Пароль", "Password"),
    "weak": L("Құпиясөз қабылданбады: {why}", "Пароль не принят: {why}", "The password was refused: {why}"),
    "no_password": L("Құпиясөз бос. Оны енгізіңіз немесе стандартты кірісқа беріңіз.", "Пароль пуст. Введите его или подайте на стандартный ввод.",
                     "The password is empty. Type it or pass it on standard input."),
    "would": L("Еске салу жіберілер еді: {n} ЖОО.", "Напоминания были бы отправлены: вузов — {n}.", "Reminders would go to {n} HEIs."),
    "sent": L("Еске салу жіберілді: {n} ЖОО, {mails} хат.", "Напоминания отправлены: вузов — {n}, писем — {mails}.",
              "Reminders sent: {n} HEIs, {mails} messages."),
    "no_address": L("э-пошта мекенжайы жоқ", "нет адреса э-почты", "no e-mail address"),
    "nothing_due": L("Бүгін еске салу керек кезең жоқ.", "Сегодня напоминать не о чем.", "No period needs reminders today."),
}
ROLES = ("officer", "analyst", "admin")


@user_app.command("add")
def user_add(
    username: Annotated[str, typer.Argument(help="The sign-in name.")],
    role: Annotated[str, typer.Option(help="officer, analyst or admin.")],
    hei: Annotated[str | None, typer.Option(help="The officer's HEI (code or name).")] = None,
    email: Annotated[str, typer.Option(help="E-mail address, for reminders and password reset.")] = "",
    language: Annotated[str, typer.Option(help="The user's language: kk, ru or en (pages and e-mail).")] = "kk",
    lang: Annotated[str, typer.Option("--lang", help="Language of messages: kk, ru or en.")] = "",
) -> None:
    """Add a user with a role (and an officer's HEI) in one step. The password is asked for, or read
    from standard input when that is not a terminal."""
    from aqyl.cli.main import _db, _hei_code, _lang, console, err_console

    lang = _lang(lang)
    if role not in ROLES:
        err_console.print(TEXT["bad_role"].get(lang).format(role=role))
        raise typer.Exit(2)
    if role == "officer" and not hei:
        err_console.print(TEXT["needs_hei"].get(lang))
        raise typer.Exit(2)
    if role != "officer" and hei:
        err_console.print(TEXT["no_hei_needed"].get(lang))
        raise typer.Exit(2)
    _db()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from aqyl.store import models as m

    users = get_user_model()
    if users.objects.filter(username=username).exists():
        err_console.print(TEXT["exists"].get(lang).format(user=username))
        raise typer.Exit(2)
    try:
        found_hei = m.Hei.objects.get(code=_hei_code(hei)) if hei else None
    except AqylError as error:
        err_console.print(error.message(lang))
        raise typer.Exit(2) from None
    if sys.stdin.isatty():
        password = typer.prompt(TEXT["prompt"].get(lang), hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        err_console.print(TEXT["no_password"].get(lang))
        raise typer.Exit(2)
    try:
        validate_password(password)
    except ValidationError as error:
        err_console.print(TEXT["weak"].get(lang).format(why=" ".join(error.messages)))
        raise typer.Exit(2) from None
    with transaction.atomic():
        user = users.objects.create_user(username, email=email, password=password, is_staff=role == "admin")
        m.Profile.objects.create(user=user, role=role, hei=found_hei, language=language if language in ("kk", "ru", "en") else "kk")
    console.print(TEXT["created"].get(lang).format(user=username, role=role, hei=f", {found_hei.code}" if found_hei else ""))


def remind(
    period: Annotated[str | None, typer.Option(help="Half-year, e.g. 2024H1. Without it: every open period whose "
                                               "reminders are due today (a week and a day before the deadline, "
                                               "then daily once it has passed) — for a daily timer.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List whom the reminders would go to; send nothing.")] = False,
    lang: Annotated[str, typer.Option("--lang", help="Language of messages: kk, ru or en.")] = "",
) -> None:
    """E-mail the officers of HEIs that have not submitted (or must correct) a period, each in their language."""
    from aqyl.cli.main import _db, _lang, console, err_console

    lang = _lang(lang)
    _db()
    from aqyl.store import cycle
    periods = [period] if period else cycle.due_today()
    if not periods:
        console.print(TEXT["nothing_due"].get(lang))
        return
    for p in periods:
        try:
            reminders = cycle.remind(p, dry_run=dry_run)
        except AqylError as error:
            err_console.print(error.message(lang))
            raise typer.Exit(2) from None
        for r in reminders:
            to = ", ".join(a for a, _ in r.to) or f"({TEXT['no_address'].get(lang)})"
            console.print(f"{p}  {r.hei.code:<12} {r.status:<14} {to}")
        key = "would" if dry_run else "sent"
        console.print(TEXT[key].get(lang).format(n=len(reminders), mails=sum(len(r.to) for r in reminders)))


period_app = typer.Typer(help="Collection periods: open a half-year for submissions with a deadline.", no_args_is_help=True)


@period_app.command("open")
def period_open(
    period: Annotated[str, typer.Argument(help="Half-year, e.g. 2024H1.")],
    deadline: Annotated[str, typer.Option(help="The last day for submissions, YYYY-MM-DD.")],
    lang: Annotated[str, typer.Option("--lang", help="Language of messages: kk, ru or en.")] = "",
) -> None:
    """Open a half-year for submissions, or move its deadline."""
    from datetime import date

    from aqyl.cli.main import _db, _lang, console, err_console

    lang = _lang(lang)
    _db()
    from aqyl.domain.wording.interface import ui
    from aqyl.store import cycle

    try:
        try:
            day = date.fromisoformat(deadline)
        except ValueError:
            raise AqylError("cycle_bad_deadline", value=deadline) from None
        found = cycle.open_period(period, day)
    except AqylError as error:
        err_console.print(error.message(lang))
        raise typer.Exit(2) from None
    console.print(ui("period_opened", lang, period=found.period, deadline=found.deadline.isoformat()))


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
    app.add_typer(period_app, name="period")
    app.command("remind")(remind)  # uploads run on `aqyl worker` (aqyl.cli.research), the same queue
