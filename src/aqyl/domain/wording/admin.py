"""Words of the admin pages: the register's field names, review decisions, the audit log's actions
and the names of apps that are not Aqyl's (read by :mod:`aqyl.store.labels` and :mod:`aqyl.store.admin`)."""

from __future__ import annotations

from aqyl.domain.i18n import Label as L
from aqyl.domain.wording.catalogue import register

WORDS = {
    # field names: col_<field>
    "col_is_current": L("Ағымдағы", "Текущая", "Current"),
    "col_source": L("Көзі", "Источник", "Source"),
    "col_file_sha256": L("Файлдың SHA-256 хэші", "Хеш SHA-256 файла", "File SHA-256"),
    "col_row_count": L("Жолдар", "Строки", "Rows"),
    "col_rejected_count": L("Қабылданбаған жолдар", "Отклонённые строки", "Rejected rows"),
    "col_created_by": L("Жасаған", "Создал", "Created by"),
    "col_submitted_by": L("Тапсырған", "Сдал", "Submitted by"),
    "col_created_at": L("Жасалған уақыты", "Создано", "Created at"),
    "col_updated_at": L("Өзгертілген уақыты", "Изменено", "Updated at"),
    "col_submission": L("Есеп", "Отчёт", "Submission"),
    "col_name_kk": L("Атауы (қазақша)", "Название (на казахском)", "Name (Kazakh)"),
    "col_name_ru": L("Атауы (орысша)", "Название (на русском)", "Name (Russian)"),
    "col_name_en": L("Атауы (ағылшынша)", "Название (на английском)", "Name (English)"),
    "col_city_kk": L("Қаласы (қазақша)", "Город (на казахском)", "City (Kazakh)"),
    "col_city_ru": L("Қаласы (орысша)", "Город (на русском)", "City (Russian)"),
    "col_city_en": L("Қаласы (ағылшынша)", "Город (на английском)", "City (English)"),
    "col_is_active": L("Белсенді", "Активен", "Active"),
    "col_at": L("Уақыты", "Время", "When"),
    "col_user": L("Пайдаланушы", "Пользователь", "User"),
    "col_action": L("Әрекет", "Действие", "Action"),
    "col_target": L("Нысаны", "Объект", "Target"),
    "col_before": L("Бұрын", "До", "Before"),
    "col_after": L("Кейін", "После", "After"),
    "col_role": L("Рөлі", "Роль", "Role"),
    "col_language": L("Тілі", "Язык", "Language"),
    "col_opened_by": L("Ашқан", "Открыл", "Opened by"),
    "col_opened_at": L("Ашылған уақыты", "Время открытия", "Opened at"),
    "col_decision": L("Шешім", "Решение", "Decision"),
    "col_reviewer": L("Тексерген", "Проверил", "Reviewer"),
    # review decisions
    "decision_accepted": L("қабылданды", "принят", "accepted"),
    "decision_returned": L("түзетуге қайтарылды", "возвращён на доработку", "returned for correction"),
    # the audit log's actions
    "audit_submission_store": L("Есеп сақталды", "Отчёт сохранён", "Submission stored"),
    "audit_submission_restore": L("Нұсқа қалпына келтірілді", "Версия восстановлена", "Version restored"),
    "audit_submission_accept": L("Есеп қабылданды", "Отчёт принят", "Submission accepted"),
    "audit_submission_return": L("Есеп түзетуге қайтарылды", "Отчёт возвращён на доработку", "Submission returned"),
    "audit_period_open": L("Кезең ашылды", "Период открыт", "Period opened"),
    "audit_period_deadline": L("Мерзім өзгертілді", "Срок изменён", "Deadline changed"),
    "audit_reminder_send": L("Еске салу жіберілді", "Напоминание отправлено", "Reminder sent"),
    "audit_record_add": L("Жазба қосылды", "Запись добавлена", "Record added"),
    "audit_record_edit": L("Жазба өзгертілді", "Запись изменена", "Record changed"),
    "audit_record_remove": L("Жазба жойылды", "Запись удалена", "Record removed"),
    "audit_note_text_set": L("Жазба мәтіні сақталды", "Текст записки сохранён", "Note text saved"),
    "audit_segment_add": L("Сұхбат үзіндісіне код берілді", "Фрагменту интервью присвоен код",
                           "Interview segment coded"),
    "audit_interview_delete": L("Сұхбат жойылды", "Интервью удалено", "Interview deleted"),
    "audit_release_publish": L("Ашық деректер жарияланды", "Открытые данные опубликованы", "Open data published"),
    # the admin's own changes: model: verb (Russian agrees with the model's gender)
    "audit_hei_create": L("ЖОО: жасалды", "Вуз: создан", "HEI: created"),
    "audit_hei_change": L("ЖОО: өзгертілді", "Вуз: изменён", "HEI: changed"),
    "audit_hei_delete": L("ЖОО: жойылды", "Вуз: удалён", "HEI: deleted"),
    "audit_heialias_create": L("ЖОО-ның басқа атауы: жасалды", "Другое название вуза: создано", "HEI alias: created"),
    "audit_heialias_change": L("ЖОО-ның басқа атауы: өзгертілді", "Другое название вуза: изменено", "HEI alias: changed"),
    "audit_heialias_delete": L("ЖОО-ның басқа атауы: жойылды", "Другое название вуза: удалено", "HEI alias: deleted"),
    "audit_profile_create": L("Рөл: жасалды", "Роль: создана", "Role: created"),
    "audit_profile_change": L("Рөл: өзгертілді", "Роль: изменена", "Role: changed"),
    "audit_profile_delete": L("Рөл: жойылды", "Роль: удалена", "Role: deleted"),
    "audit_user_create": L("Пайдаланушы: жасалды", "Пользователь: создан", "User: created"),
    "audit_user_change": L("Пайдаланушы: өзгертілді", "Пользователь: изменён", "User: changed"),
    "audit_user_delete": L("Пайдаланушы: жойылды", "Пользователь: удалён", "User: deleted"),
    # apps and models the admin shows that are not Aqyl's own
    "admin_axes": L("Кіру әрекеттері", "Попытки входа", "Sign-in attempts"),
    "admin_otp_devices": L("Аутентификатор қолданбалары", "Приложения-аутентификаторы", "Authenticator apps"),
}
register(__name__, WORDS)
