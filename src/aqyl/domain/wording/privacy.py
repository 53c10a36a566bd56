"""Words of privacy: pseudonymisation keys and IINs, and the open-data release's disclosure control."""

from __future__ import annotations

from aqyl.domain.i18n import Label
from aqyl.domain.wording.catalogue import register

WORDS = {
    "bad_key_id": Label(
        "Кілт идентификаторы «{value}» жарамсыз: 1–16 таңба, кіші латын әріптері, цифрлар және сызықша (мысалы, 2026a).",
        "Идентификатор ключа «{value}» не подходит: 1–16 знаков, строчные латинские буквы, цифры и дефис (например, 2026a).",
        "Key id “{value}” is not valid: 1–16 characters, lower-case Latin letters, digits and hyphens (e.g. 2026a)."),
    "bad_key_file": Label(
        "«{file}» файлы псевдонимдеу кілті емес ({reason}). Министрлік берген кілт файлын көрсетіңіз немесе "
        "«aqyl key new ФАЙЛ» арқылы жаңасын жасаңыз.",
        "Файл «{file}» не является ключом псевдонимизации ({reason}). Укажите файл ключа, выданный министерством, "
        "или создайте новый: aqyl key new ФАЙЛ.",
        "“{file}” is not a pseudonymisation key ({reason}). Give the key file the ministry issued, or make one "
        "with aqyl key new FILE."),
    "bad_iin": Label(
        "«{value}» ЖСН емес: ЖСН 12 цифрдан тұрады, соңғысы бақылау цифры. Құжаттағы ЖСН-ді тексеріңіз.",
        "«{value}» не является ИИН: ИИН состоит из 12 цифр, последняя — контрольная. Сверьте ИИН с документом.",
        "“{value}” is not an IIN: an IIN has 12 digits, the last one a check digit. Check it against the document."),
    # Why a key file is refused (the {reason} of bad_key_file).
    "key_file_not_json": Label("JSON емес", "не JSON", "not JSON"),
    "key_file_other_format": Label("басқа пішім", "другой формат", "another format"),
    "key_file_secret_damaged": Label("құпия бөлігі бүлінген", "секретная часть повреждена", "its secret is damaged"),
    "pseudonym_no_key": Label(
        "Файлда ЖСН бар, бірақ серверде псевдонимдеу кілті жоқ, сондықтан файл сақталмады. ЖСН-ді алдымен "
        "«aqyl pseudonymise ФАЙЛ --key-file КІЛТ» арқылы бүркеншік атқа ауыстырыңыз немесе ЖСН бағанын алып тастаңыз.",
        "В файле есть ИИН, но на сервере нет ключа псевдонимизации, поэтому файл не сохранён. Сначала замените ИИН "
        "псевдонимами: aqyl pseudonymise ФАЙЛ --key-file КЛЮЧ, или удалите столбец ИИН.",
        "The file holds IINs but the server has no pseudonymisation key, so the file was not stored. Replace the "
        "IINs first with aqyl pseudonymise FILE --key-file KEY, or remove the IIN column."),
    "key_file_missing": Label("«{file}» кілт файлы табылмады немесе оқылмайды.", "Файл ключа «{file}» не найден или не читается.",
                         "The key file “{file}” is missing or cannot be read."),
}
register(__name__, WORDS)
