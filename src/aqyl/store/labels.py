"""The register's field names in Kazakh, Russian and English for the admin pages. They are set on
the fields when the app starts, as lazy texts in the active language; a field's constructor
argument (what migrations record) is left alone, so no migration depends on a wording."""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.translation import get_language

from aqyl.domain.classifiers import CLASSIFIERS
from aqyl.domain.i18n import Label as L
from aqyl.domain.intake.columns import schema

COMMON = {
    "hei": L("ЖОО", "Вуз", "HEI"), "period": L("Кезең", "Период", "Period"), "version": L("Нұсқа", "Версия", "Version"),
    "is_current": L("Ағымдағы", "Текущая", "Current"), "source": L("Көзі", "Источник", "Source"),
    "file_name": L("Файл", "Файл", "File"), "file_sha256": L("Файлдың SHA-256 хэші", "Хеш SHA-256 файла", "File SHA-256"),
    "row_count": L("Жолдар", "Строк", "Rows"), "rejected_count": L("Қабылданбаған жолдар", "Отклонённых строк", "Rejected rows"),
    "created_by": L("Жасаған", "Создал", "Created by"), "submitted_by": L("Тапсырған", "Сдал", "Submitted by"),
    "created_at": L("Жасалған уақыты", "Создано", "Created at"), "updated_at": L("Өзгертілген уақыты", "Изменено", "Updated at"),
    "submission": L("Есеп", "Отчёт", "Submission"), "code": L("Код", "Код", "Code"),
    "name_kk": L("Атауы (қазақша)", "Название (на казахском)", "Name (Kazakh)"),
    "name_ru": L("Атауы (орысша)", "Название (на русском)", "Name (Russian)"),
    "name_en": L("Атауы (ағылшынша)", "Название (на английском)", "Name (English)"),
    "city_kk": L("Қаласы (қазақша)", "Город (на казахском)", "City (Kazakh)"),
    "city_ru": L("Қаласы (орысша)", "Город (на русском)", "City (Russian)"),
    "city_en": L("Қаласы (ағылшынша)", "Город (на английском)", "City (English)"),
    "is_active": L("Белсенді", "Активен", "Active"), "name": L("Атауы", "Название", "Name"),
    "at": L("Уақыты", "Время", "When"), "user": L("Пайдаланушы", "Пользователь", "User"),
    "username": L("Пайдаланушы аты", "Имя пользователя", "User name"), "action": L("Әрекет", "Действие", "Action"),
    "target": L("Нысаны", "Объект", "Target"), "before": L("Бұрын", "До", "Before"), "after": L("Кейін", "После", "After"),
    "role": L("Рөлі", "Роль", "Role"), "language": L("Тілі", "Язык", "Language"),
    "deadline": L("Тапсыру мерзімі", "Срок сдачи", "Deadline"), "opened_by": L("Ашқан", "Открыл", "Opened by"),
    "opened_by_name": L("Ашқан", "Открыл", "Opened by"), "opened_at": L("Ашылған уақыты", "Открыт", "Opened at"),
    "decision": L("Шешім", "Решение", "Decision"), "comment": L("Түсініктеме", "Комментарий", "Comment"),
    "reviewer": L("Тексерген", "Проверил", "Reviewer"), "reviewer_name": L("Тексерген", "Проверил", "Reviewer"),
}
ROLE = {"officer": L("ЖОО қызметкері", "Сотрудник вуза", "HEI officer"), "analyst": L("Талдаушы", "Аналитик", "Analyst"),
        "admin": L("Әкімші", "Администратор", "Administrator")}
SOURCE = {"import": L("файл", "файл", "file"), "form": L("пішін", "форма", "form"), "api": L("API", "API", "API"),
          "demo": L("демо", "демо", "demo"), "restore": L("қалпына келтіру", "восстановление", "restore")}
DECISION = {"accepted": L("қабылданды", "принят", "accepted"), "returned": L("түзетуге қайтарылды", "возвращён на доработку",
                                                                            "returned for correction")}

# What the audit log's actions mean; a model's create/change/delete reads "<model>: created".
ACTIONS = {
    "submission.store": L("Есеп сақталды", "Отчёт сохранён", "Submission stored"),
    "submission.restore": L("Нұсқа қалпына келтірілді", "Версия восстановлена", "Version restored"),
    "submission.accept": L("Есеп қабылданды", "Отчёт принят", "Submission accepted"),
    "submission.return": L("Есеп түзетуге қайтарылды", "Отчёт возвращён на доработку", "Submission returned"),
    "period.open": L("Кезең ашылды", "Период открыт", "Period opened"),
    "period.deadline": L("Мерзім өзгертілді", "Срок изменён", "Deadline changed"),
    "reminder.send": L("Еске салу жіберілді", "Напоминание отправлено", "Reminder sent"),
    "record.add": L("Жазба қосылды", "Запись добавлена", "Record added"),
    "record.edit": L("Жазба өзгертілді", "Запись изменена", "Record changed"),
    "record.remove": L("Жазба жойылды", "Запись удалена", "Record removed"),
    "note_text.set": L("Жазба мәтіні сақталды", "Текст записки сохранён", "Note text saved"),
    "release.publish": L("Ашық деректер жарияланды", "Открытые данные опубликованы", "Open data published"),
}
VERBS = {"create": L("жасалды", "создан(а)", "created"), "change": L("өзгертілді", "изменён(а)", "changed"),
         "delete": L("жойылды", "удалён(а)", "deleted")}
MODELS = {"hei": L("ЖОО", "Вуз", "HEI"), "heialias": L("ЖОО-ның басқа атауы", "Другое название вуза", "HEI alias"),
          "profile": L("Рөл", "Роль", "Role"), "user": L("Пайдаланушы", "Пользователь", "User")}


def action_text(action: str) -> str:
    lang = _lang()
    if action in ACTIONS:
        return ACTIONS[action].get(lang)
    model, _, verb = action.partition(".")
    if model in MODELS and verb in VERBS:
        return f"{MODELS[model].get(lang)}: {VERBS[verb].get(lang)}"
    return action


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
        apps.get_app_config("axes").verbose_name = text(L("Кіру әрекеттері", "Попытки входа", "Sign-in attempts"))
    headers = {c.name: c.header for c in schema("mobility").columns}
    for model in apps.get_app_config("aqyl").get_models():
        for field in model._meta.get_fields():
            if not hasattr(field, "verbose_name") or (field.auto_created and not field.concrete):
                continue
            classifier = getattr(field, "classifier", "")
            label = (headers.get(field.name) if model.__name__ == "MobilityRecord" else None) \
                or (CLASSIFIERS[classifier].title if classifier else None) or COMMON.get(field.name)
            if label is not None:
                field.verbose_name = text(label)
