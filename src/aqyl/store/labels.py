"""The register's field names in Kazakh, Russian and English for the admin pages. They are set on
the fields when the app starts, as lazy texts in the active language; a field's constructor
argument (what migrations record) is left alone, so no migration depends on a wording."""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.translation import get_language

from aqyl.domain.classifiers import CLASSIFIERS
from aqyl.domain.i18n import Label as L
from aqyl.domain.intake.columns import schema
from aqyl.domain.wording.catalogue import label

# Each field's name in the admin, by field (aqyl.domain.wording.admin).
COMMON = {
    "hei": label("hei"), "period": label("period"), "version": label("version"),
    "is_current": label("col_is_current"), "source": label("col_source"), "file_name": label("file"),
    "file_sha256": label("col_file_sha256"), "row_count": label("col_row_count"),
    "rejected_count": label("col_rejected_count"), "created_by": label("col_created_by"),
    "submitted_by": label("col_submitted_by"), "created_at": label("col_created_at"),
    "updated_at": label("col_updated_at"), "submission": label("col_submission"), "code": label("code"),
    "name_kk": label("col_name_kk"), "name_ru": label("col_name_ru"), "name_en": label("col_name_en"),
    "city_kk": label("col_city_kk"), "city_ru": label("col_city_ru"), "city_en": label("col_city_en"),
    "is_active": label("col_is_active"), "name": label("hei_name"), "at": label("col_at"), "user": label("col_user"),
    "username": label("username"), "action": label("col_action"), "target": label("col_target"),
    "before": label("col_before"), "after": label("col_after"), "role": label("col_role"),
    "language": label("col_language"), "deadline": label("deadline"), "opened_by": label("col_opened_by"),
    "opened_by_name": label("col_opened_by"), "opened_at": label("col_opened_at"), "decision": label("col_decision"),
    "comment": label("comment"), "reviewer": label("col_reviewer"), "reviewer_name": label("col_reviewer"),
    "bin": label("col_bin"), "schac": label("col_schac"), "erasmus_code": label("col_erasmus_code"), "pic": label("col_pic"),
    "ror": label("col_ror"), "website": label("col_website"), "ministry_code": label("col_ministry_code"),
    "active_from": label("col_active_from"), "active_to": label("col_active_to"), "successor": label("col_successor"),
}
ROLE = {"officer": label("role_officer"), "analyst": label("role_analyst"), "admin": label("role_admin")}
SOURCE = {"import": label("src_import"), "form": label("src_form"), "api": label("src_api"), "demo": label("src_demo"),
          "restore": label("src_restore")}
DECISION = {"accepted": label("decision_accepted"), "returned": label("decision_returned")}

# What the audit log's actions mean, the admin's own changes ("<model>.<verb>") included.
ACTIONS = {
    "submission.store": label("audit_submission_store"), "submission.restore": label("audit_submission_restore"),
    "submission.accept": label("audit_submission_accept"), "submission.return": label("audit_submission_return"),
    "period.open": label("audit_period_open"), "period.deadline": label("audit_period_deadline"),
    "reminder.send": label("audit_reminder_send"), "record.add": label("audit_record_add"),
    "record.edit": label("audit_record_edit"), "record.remove": label("audit_record_remove"),
    "note_text.set": label("audit_note_text_set"), "segment.add": label("audit_segment_add"),
    "interview.delete": label("audit_interview_delete"), "release.publish": label("audit_release_publish"),
    "hei.create": label("audit_hei_create"), "hei.change": label("audit_hei_change"),
    "hei.delete": label("audit_hei_delete"), "hei.merge": label("audit_hei_merge"), "hei.import": label("audit_hei_import"),
    "hei.rename": label("audit_hei_rename"), "hei.close": label("audit_hei_close"), "heialias.create": label("audit_heialias_create"),
    "heialias.change": label("audit_heialias_change"), "heialias.delete": label("audit_heialias_delete"),
    "profile.create": label("audit_profile_create"), "profile.change": label("audit_profile_change"),
    "profile.delete": label("audit_profile_delete"), "profile.language": label("audit_profile_language"),
    "reminder.unreached": label("audit_reminder_unreached"), "reminder.failed": label("audit_reminder_failed"), "user.create": label("audit_user_create"),
    "user.change": label("audit_user_change"), "user.delete": label("audit_user_delete"),
}

def action_text(action: str, after=None) -> str:
    """The action in words; a reminder with how many messages went."""
    lang = _lang()
    if action == "reminder.send" and isinstance(after, dict) and isinstance(after.get("sent"), int):
        return label("audit_reminder_sent_n").get(lang).format(n=after["sent"])
    return ACTIONS[action].get(lang) if action in ACTIONS else action


LANGUAGE_IN = {"kk": label("audit_in_kk"), "ru": label("audit_in_ru"), "en": label("audit_in_en")}


def target_text(action: str, target: str) -> str:
    """What an entry is about, in words where the stored target is a code (a note's section:
    "faculty H1 benefits kk from 2023H1")."""
    if action != "note_text.set":
        return target
    from aqyl.domain.classifiers import CATEGORY, parse_period
    from aqyl.domain.report.phrases import T

    parts = target.split()
    if len(parts) != 6 or parts[4] != "from" or f"h_{parts[2]}" not in T or parts[3] not in LANGUAGE_IN:
        return target
    lang = _lang()
    try:
        period = parse_period(parts[5]).label.get(lang)
        category = CATEGORY.label(parts[0], lang)
    except Exception:  # a target written before a classifier changed: shown as it is
        return target
    return label("audit_note_target").get(lang).format(section=T[f"h_{parts[2]}"].get(lang), category=category,
                                                       language=LANGUAGE_IN[parts[3]].get(lang), period=period)


# Help texts of fields in the admin, in the active language, through its forms' Meta.help_texts:
# the models' own stay English, as migrations record a field's help_text.
HELP = {("AuditEntry", "username"): label("help_kept_username"),
        ("NoteText", "author_name"): label("help_kept_author")}


def help_texts(model: str) -> dict:
    return {name: text(words) for (owner, name), words in HELP.items() if owner == model}


def _lang() -> str:
    lang = (get_language() or "kk")[:2]
    return lang if lang in ("kk", "ru", "en") else "kk"


def _text(label: L) -> str:
    return label.get(_lang())


text = lazy(_text, str)


def choices_of(labels: dict[str, L]):
    """Choices for a field, labelled in the active language (a callable: labels never reach migrations)."""
    return lambda: [(code, label.get(_lang())) for code, label in labels.items()]


def localise_fields() -> None:
    from django.apps import apps

    if apps.is_installed("axes"):  # its app has no translatable name
        apps.get_app_config("axes").verbose_name = text(label("admin_axes"))
    headers = {c.name: c.header for c in schema("mobility").columns}
    for model in apps.get_app_config("aqyl").get_models():
        for field in model._meta.get_fields():
            if not hasattr(field, "verbose_name") or (field.auto_created and not field.concrete):
                continue
            classifier = getattr(field, "classifier", "")
            name = (headers.get(field.name) if model.__name__ == "MobilityRecord" else None) \
                or (CLASSIFIERS[classifier].title if classifier else None) or COMMON.get(field.name)
            if name is not None:
                field.verbose_name = text(name)

