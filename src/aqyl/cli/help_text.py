"""``--help`` in the user's language: before click parses the command line (and so before an
eager ``--help`` prints anything), the root's text, each top-level command's and group's text and
the panel titles and the --help option's line are set from the catalogue (:mod:`aqyl.domain.wording.command_help`) in the
language of a ``--lang`` on the command line, else AQYL_LANG or the locale. Options' own help and
the sub-commands of groups stay in English for now."""

from __future__ import annotations

import click
import typer.rich_utils

from aqyl.domain.wording.commands import say

# Each top-level command or group and the key of its help (literal keys: the catalogue's rule).
COMMAND_HELP = {
    "demo": "help_demo", "db": "help_db", "serve": "help_serve", "report": "help_report", "import": "help_import",
    "template": "help_template", "submissions": "help_submissions", "restore": "help_restore",
    "classifiers": "help_classifiers", "remind": "help_remind", "pseudonymise": "help_pseudonymise",
    "publish": "help_publish", "persons": "help_persons", "backup": "help_backup", "restore-db": "help_restore_db",
    "worker": "help_worker", "hei": "help_hei", "flows": "help_flows", "migration": "help_migration",
    "cohorts": "help_cohorts", "survey": "help_survey", "interview": "help_interview", "note-text": "help_note_text",
    "user": "help_user", "period": "help_period", "key": "help_key",
}


def translate(root: click.Group, lang: str) -> None:
    """Set the help of ``root`` and its commands in ``lang``."""
    root.help = say("help_root", lang)
    for name, command in root.commands.items():
        if name in COMMAND_HELP:
            command.help = say(COMMAND_HELP[name], lang)
            command.short_help = None  # the listing takes the first sentence of the help
    _help_option(root, say("help_option", lang))
    # typer reads its panel titles from these names each time it draws a help.
    typer.rich_utils.OPTIONS_PANEL_TITLE = say("help_panel_options", lang)
    typer.rich_utils.COMMANDS_PANEL_TITLE = say("help_panel_commands", lang)
    typer.rich_utils.ARGUMENTS_PANEL_TITLE = say("help_panel_arguments", lang)


def _help_option(command: click.Command, text: str) -> None:
    """The --help option's own line, on ``command`` and every command below it (click makes the
    option once per command and keeps it)."""
    option = command.get_help_option(click.Context(command))
    if option is not None:
        option.help = text
    for sub in getattr(command, "commands", {}).values():
        _help_option(sub, text)
