"""``--help`` in the user's language: before click parses the command line (and so before an
eager ``--help`` prints anything), the root's text, each top-level command's and group's text and
the panel titles and the --help option's line are set from the catalogue (:mod:`aqyl.domain.wording.command_help`) in the
language of a ``--lang`` on the command line, else AQYL_LANG or the locale; so are the sub-commands
of groups in :data:`SUBCOMMAND_HELP` and the options in :data:`OPTION_HELP` (the rest stay English
for now)."""

from __future__ import annotations

import click
import typer.rich_utils

from aqyl.cli.present import LANG_HELP
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

# Sub-commands of groups ("group sub") and the key of its help.
SUBCOMMAND_HELP = {
    "hei list": "help_hei_list", "hei add": "help_hei_add", "hei export": "help_hei_export",
    "hei import": "help_hei_import", "hei merge": "help_hei_merge", "hei rename": "help_hei_rename",
    "hei close": "help_hei_close", "user add": "help_user_add", "period open": "help_period_open",
    "note-text set": "help_note_text_set", "note-text show": "help_note_text_show",
    "flows import": "help_flows_import", "flows national": "help_flows_national",
    "flows forecast": "help_flows_forecast", "flows show": "help_flows_show", "flows reconcile": "help_flows_reconcile",
    "migration typology": "help_migration_typology", "migration gravity": "help_migration_gravity",
    "migration note": "help_migration_note",
}


# Options and arguments: (command, parameter) and the key of its help.
OPTION_HELP = {
    ("report", "period"): "help_opt_report_period", ("report", "compare"): "help_opt_compare",
    ("report", "category"): "help_opt_category", ("report", "hei_type"): "help_opt_hei_type",
    ("report", "region"): "help_opt_region", ("report", "programme"): "help_opt_programme",
    ("report", "fmt"): "help_opt_format", ("report", "out"): "help_opt_report_out",
    ("report", "date"): "help_opt_report_date", ("report", "placeholders"): "help_opt_report_placeholders",
    ("import", "files"): "help_opt_import_files", ("import", "accept_valid"): "help_opt_accept_valid",
    ("import", "dry_run"): "help_opt_dry_run", ("import", "report"): "help_opt_import_report",
    ("import", "errors_xlsx"): "help_opt_errors_xlsx", ("import", "user"): "help_opt_user",
    ("db", "check"): "help_opt_check", ("backup", "file"): "help_opt_backup_file",
    ("restore-db", "file"): "help_opt_restore_file", ("restore-db", "yes"): "help_opt_yes",
    ("submissions", "period"): "help_opt_half_year", ("submissions", "hei"): "help_opt_submissions_hei",
    ("submissions", "compare_with"): "help_opt_compare_with", ("submissions", "as_json"): "help_opt_json",
    ("template", "out"): "help_opt_template_out", ("restore", "hei"): "help_opt_hei",
    ("restore", "period"): "help_opt_half_year", ("restore", "version"): "help_opt_version",
    ("classifiers", "name"): "help_opt_classifier", ("classifiers", "lookup"): "help_opt_lookup",
    ("hei list", "hei_type"): "help_opt_hei_list_type", ("hei list", "search"): "help_opt_hei_list_search",
    ("hei list", "as_json"): "help_opt_json", ("hei export", "out"): "help_opt_hei_export_out",
    ("hei import", "file"): "help_opt_hei_import_file", ("hei import", "dry_run"): "help_opt_hei_dry_run",
    ("hei merge", "old"): "help_opt_hei_merge_old", ("hei merge", "into"): "help_opt_hei_merge_into",
    ("hei merge", "on"): "help_opt_hei_merge_on", ("hei rename", "code"): "help_opt_hei_code",
    ("hei rename", "on"): "help_opt_hei_rename_on", ("hei rename", "name_kk"): "help_opt_hei_new_kk",
    ("hei rename", "name_ru"): "help_opt_hei_new_ru", ("hei rename", "name_en"): "help_opt_hei_new_en",
    ("hei close", "code"): "help_opt_hei_code", ("hei close", "on"): "help_opt_hei_close_on",
    ("hei add", "code"): "help_opt_hei_add_code", ("hei add", "hei_type"): "help_opt_hei_add_type",
    ("hei add", "name_kk"): "help_opt_hei_name_kk", ("hei add", "name_ru"): "help_opt_hei_name_ru",
    ("hei add", "name_en"): "help_opt_hei_name_en", ("hei add", "region"): "help_opt_hei_region",
    ("hei add", "profile"): "help_opt_hei_profile", ("hei add", "alias"): "help_opt_hei_alias",
    ("hei add", "bin_"): "help_opt_hei_bin", ("hei add", "schac"): "help_opt_hei_schac",
    ("hei add", "erasmus"): "help_opt_hei_erasmus", ("hei add", "pic"): "help_opt_hei_pic",
    ("hei add", "ror"): "help_opt_hei_ror", ("hei add", "website"): "help_opt_hei_website",
    ("hei add", "ministry_code"): "help_opt_hei_ministry_code", ("hei add", "active_from"): "help_opt_hei_active_from",
    ("user add", "username"): "help_opt_user_username", ("user add", "role"): "help_opt_user_role",
    ("user add", "hei"): "help_opt_user_hei", ("user add", "email"): "help_opt_user_email",
    ("user add", "language"): "help_opt_user_language", ("period open", "period"): "help_opt_period_period",
    ("period open", "deadline"): "help_opt_period_deadline",
    ("note-text set", "category"): "help_opt_note_category", ("note-text set", "period"): "help_opt_note_period",
    ("note-text set", "section"): "help_opt_note_section", ("note-text set", "lang"): "help_opt_note_text_lang",
    ("note-text set", "file"): "help_opt_note_file", ("note-text set", "user"): "help_opt_note_user",
    ("note-text show", "category"): "help_opt_note_category", ("note-text show", "period"): "help_opt_note_period",
    ("note-text show", "section"): "help_opt_note_section", ("note-text show", "lang"): "help_opt_note_only_lang",
    ("note-text show", "show_history"): "help_opt_note_history",
    ("flows import", "file"): "help_opt_flows_file", ("flows import", "source"): "help_opt_flows_source",
}


def translate(root: click.Group, lang: str) -> None:
    """Set the help of ``root`` and its commands in ``lang``."""
    root.help = say("help_root", lang)
    for name, command in root.commands.items():
        if name in COMMAND_HELP:
            command.help = say(COMMAND_HELP[name], lang)
            command.short_help = None  # the listing takes the first sentence of the help
        for param in command.params:
            if (name, param.name) in OPTION_HELP:
                param.help = say(OPTION_HELP[name, param.name], lang)  # type: ignore[attr-defined]
        for sub_name, sub in getattr(command, "commands", {}).items():
            path = f"{name} {sub_name}"
            if path in SUBCOMMAND_HELP:
                sub.help = say(SUBCOMMAND_HELP[path], lang)
                sub.short_help = None
            for param in sub.params:
                if (path, param.name) in OPTION_HELP:
                    param.help = say(OPTION_HELP[path, param.name], lang)  # type: ignore[attr-defined]
    _help_option(root, say("help_option", lang), say("help_opt_lang", lang))
    # typer reads its panel titles and the [default: …] and [required] marks from these names
    # each time it draws a help.
    typer.rich_utils.OPTIONS_PANEL_TITLE = say("help_panel_options", lang)
    typer.rich_utils.COMMANDS_PANEL_TITLE = say("help_panel_commands", lang)
    typer.rich_utils.ARGUMENTS_PANEL_TITLE = say("help_panel_arguments", lang)
    typer.rich_utils.DEFAULT_STRING = say("help_default", lang, value="{}")  # typer fills {} itself
    typer.rich_utils.REQUIRED_LONG_STRING = say("help_required", lang)


def _help_option(command: click.Command, text: str, lang_text: str) -> None:
    """The --help option's own line and every command's --lang (the one of :data:`LangOption`),
    on ``command`` and every command below it (click makes the help option once per command and
    keeps it)."""
    option = command.get_help_option(click.Context(command))
    if option is not None:
        option.help = text
    for param in command.params:
        english = param.__dict__.setdefault("aqyl_english_help", getattr(param, "help", None))
        if param.name == "lang" and english == LANG_HELP:
            param.help = lang_text  # type: ignore[attr-defined]
    for sub in getattr(command, "commands", {}).values():
        _help_option(sub, text, lang_text)
