import pytest

from aqyl.domain.errors import RegistryError
from aqyl.domain.heis import Hei, HeiDirectory, UnknownHei, shipped_registry
from aqyl.domain.i18n import LANGUAGES, Label

REGISTRY = shipped_registry()


def test_registry_is_complete_and_trilingual():
    assert len(REGISTRY) == 61
    for hei in REGISTRY:
        assert all(hei.name.get(lang) and hei.city.get(lang) for lang in LANGUAGES), hei.code
        assert hei.region and hei.hei_type


def test_every_hei_printed_in_the_note_resolves_and_types_agree(reference):
    directory = HeiDirectory(REGISTRY)
    seen = {}
    for direction in ("outgoing", "incoming"):
        for row in reference["periods"]["2023H1"][direction]["by_hei"]:
            code = directory.encode(row["name_kk"])
            assert directory.heis[code].hei_type == row["hei_type"], row
            seen.setdefault(code, set()).add(row["name_kk"])
    assert len(seen) == 61
    # the appendices spell six HEIs two ways; each pair is one institution
    merged = {code for code, names in seen.items() if len(names) == 2}
    assert merged == {"KAFU", "KAZNMU", "KZU", "KRU", "VKU", "KATRU"}


def test_lookup_ignores_case_spaces_and_initial_spacing():
    directory = HeiDirectory(REGISTRY)
    assert directory.resolve("  қазақстан-америка ЕРКІН университеті ") == "KAFU"
    assert directory.resolve("Л.Н. Гумилев атындағы Еуразия ұлттық университеті") == "ENU"
    assert directory.resolve("Евразийский национальный университет имени Л. Н. Гумилева") == "ENU"
    assert directory.resolve("almau") == "ALMAU"


def test_unknown_hei_lists_the_closest():
    directory = HeiDirectory(REGISTRY)
    with pytest.raises(UnknownHei) as caught:
        directory.encode("Алматы Менеджмент Университет-і")
    assert caught.value.suggestions[0].kk.startswith("ALMAU")
    assert "ALMAU" in caught.value.message("ru")


def test_registry_refuses_a_taken_code_or_name():
    directory = HeiDirectory(REGISTRY)
    new = Hei("NEW", "private", Label("Жаңа университет", "Новый университет", "New University"), Label("", "", ""))
    with pytest.raises(RegistryError) as caught:
        directory.add(Hei("ALMAU", "private", new.name, new.city))
    assert "ALMAU" in caught.value.message("kk")
    with pytest.raises(RegistryError) as caught:
        directory.add(Hei("NEW2", "private", Label("Нархоз университеті", "x", "y"), new.city))
    assert "Нархоз" in caught.value.message("en")
    with pytest.raises(RegistryError):
        directory.add(Hei("bad code!", "private", new.name, new.city))
    directory.add(new)
    assert directory.resolve("новый университет") == "NEW"
