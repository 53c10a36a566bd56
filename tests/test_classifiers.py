from datetime import date

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aqyl.domain.classifiers import (
    CLASSIFIERS,
    COUNTRY,
    DEGREE,
    FIELD,
    HEI_TYPE,
    PROGRAMME,
    PROGRAMME_LEVEL,
    Period,
    academic_year_of,
    half_year_of,
    parse_period,
)
from aqyl.domain.errors import EmptyValue, InvalidPeriod, UnknownValue
from aqyl.domain.i18n import LANGUAGES, normalize


@pytest.mark.parametrize("name", list(CLASSIFIERS))
def test_every_code_has_a_label_in_every_language(name):
    table = CLASSIFIERS[name]
    assert len(table) > 0
    assert table.missing_labels() == []
    assert all(table.title.get(lang) for lang in LANGUAGES)


def test_domain_md_codes_are_all_there():
    assert set(HEI_TYPE.codes) == {"national", "state", "jsc", "private", "international"}
    assert set(DEGREE.codes) == {"phd", "doctor_of_sciences", "candidate_of_sciences", "master", "none"}
    assert FIELD.codes == tuple(f"{i:02d}" for i in range(1, 13))
    assert {"inter_university", "erasmus_plus", "daad", "orhun", "cintana", "bolashak_500_scientists", "bolashak",
            "state_academic_mobility", "young_scientists_grant", "fulbright", "flex", "ugrad", "muskie",
            "other"} == set(PROGRAMME.codes)
    assert set(CLASSIFIERS["funding"].codes) == {"state_budget", "bolashak", "university", "host", "grant", "own", "other"}


def test_field_isced_mapping_splits_veterinary_out():
    assert FIELD["08"].isced.startswith("08") and FIELD["09"].isced == "08 (084)"
    assert FIELD["10"].isced == "09" and FIELD["11"].isced == "10" and FIELD["01"].isced == "01"


def test_programmes_carry_sponsor_target_and_level():
    for p in PROGRAMME:
        assert p.level in PROGRAMME_LEVEL
        assert all(p.sponsor.get(lang) and p.target_group.get(lang) for lang in LANGUAGES)
    assert PROGRAMME["erasmus_plus"].sponsor.en == "European Union"


def test_field_code_that_lost_its_leading_zero():
    assert FIELD.encode("4") == "04"
    assert FIELD.encode(" 10 ") == "10"
    assert FIELD.encode("денсаулық сақтау") == "10"
    assert FIELD.encode("Health care") == "10"


def test_every_iso_country_is_there_with_three_labels():
    assert len(COUNTRY) == len(pycountry.countries) == 249
    assert COUNTRY.label("KZ", "kk") == "Қазақстан"
    assert COUNTRY.label("KG", "ru") == "Кыргызстан"  # Kazakhstani usage, not CLDR's "Киргизия"
    assert COUNTRY.label("RU", "kk") == "Ресей Федерациясы"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("KZ", "KZ"), ("kaz", "KZ"), ("398", "KZ"), ("  қазақстан ", "KZ"), ("Казахстан", "KZ"),
        ("ҚХР", "CN"), ("қхр", "CN"), ("АҚШ", "US"), ("USA", "US"), ("Russia", "RU"), ("Turkey", "TR"),
        ("Türkiye", "TR"), ("EL", "GR"), ("UK", "GB"), ("Киргизия", "KG"), ("Қырғызстан", "KG"),
        ("Оңтүстік Корея", "KR"), ("Republic of Korea", "KR"), ("Korea, Republic of", "KR"), ("Египет", "EG"),
        ("Мысыр", "EG"), ("Сауд Арабиясы", "SA"), ("Нидерланды", "NL"), ("Ресей Федерациясы", "RU"),
        ("Iran, Islamic Republic of", "IR"), ("Hong Kong", "HK"), ("Ұлыбритания", "GB"),
    ],
)
def test_country_spellings(text, code):
    assert COUNTRY.encode(text) == code


def test_every_cldr_name_parses_back_to_its_code():
    for country in COUNTRY:
        for lang in LANGUAGES:
            assert COUNTRY.encode(country.label.get(lang)) == country.code


def test_unknown_country_names_the_closest_known_values_in_each_language():
    with pytest.raises(UnknownValue) as caught:
        COUNTRY.encode("Uzbekstan")
    error = caught.value
    assert error.suggestions[0].en.startswith("UZ")
    assert "Өзбекстан" in error.message("kk") and "«Ел»" in error.message("kk")
    assert "Узбекистан" in error.message("ru") and "справочнике «Страна»" in error.message("ru")
    assert "Did you mean: UZ — Uzbekistan" in error.message("en")


def test_unknown_hei_type_is_refused_with_help():
    with pytest.raises(UnknownValue) as caught:
        HEI_TYPE.encode("privat")
    assert "private — Жекеменшік" in caught.value.message("kk")
    with pytest.raises(UnknownValue) as caught:
        HEI_TYPE.encode("zzzz")
    # nothing close: the message lists what is allowed
    assert "national" in caught.value.message("en") and "Allowed values" in caught.value.message("en")
    with pytest.raises(EmptyValue):
        HEI_TYPE.encode("  ")


def test_labels_and_aliases_in_any_language():
    assert HEI_TYPE.encode("АО") == "jsc"
    assert HEI_TYPE.encode("Акционерлік қоғам (АҚ)") == "jsc"
    assert DEGREE.encode("ғылым кандидаты") == "candidate_of_sciences"
    assert DEGREE.encode("Доктор PhD") == "phd"
    assert PROGRAMME.encode("Эразмус+") == "erasmus_plus"
    assert PROGRAMME.encode("ЖОО аралық келісім") == "inter_university"
    assert CLASSIFIERS["format"].encode("аралас") == "blended"


@given(st.sampled_from([(t.name, c.code, text) for t in CLASSIFIERS.values() if t.name != "country"
                        for c in t for text in c.spellings()]),
       st.sampled_from([str.upper, str.lower, str.title, lambda s: f"  {s} ", lambda s: s.replace(" ", "  ")]))
def test_any_spelling_in_any_case_and_spacing_encodes(case, transform):
    name, code, text = case
    assert CLASSIFIERS[name].encode(transform(text)) == code


@given(st.text(max_size=40))
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


# --- periods -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "code"),
    [("2023H1", "2023H1"), ("2023-h2", "2023H2"), ("H1 2023", "2023H1"), ("2023 H1", "2023H1"),
     ("2022/23", "2022/23"), ("2022-2023", "2022/23"), ("2022/2023", "2022/23"), ("2023", "2023")],
)
def test_period_forms(text, code):
    assert parse_period(text).code == code


@pytest.mark.parametrize("text", ["2023H3", "H0 2023", "2022/24", "23", "", "last year", "2023/22"])
def test_bad_periods_say_what_is_expected(text):
    with pytest.raises(InvalidPeriod) as caught:
        parse_period(text)
    assert "2023H1" in caught.value.message("kk") and "жартыжылдық" in caught.value.message("kk")


def test_period_bounds_and_comparison():
    h1 = parse_period("2023H1")
    assert (h1.start, h1.end) == (date(2023, 1, 1), date(2023, 6, 30))
    assert h1.previous().code == "2022H1"
    assert parse_period("2022/23").end == date(2023, 8, 31)
    assert half_year_of(date(2023, 6, 30)) == h1
    assert half_year_of(date(2023, 7, 1)).code == "2023H2"
    assert academic_year_of(date(2023, 8, 31)).code == "2022/23"
    assert academic_year_of(date(2023, 9, 1)).code == "2023/24"
    assert h1.label.kk == "2023 жылғы I жартыжылдық" and h1.label.ru == "I полугодие 2023 года"
    assert Period(2023, "half", 2) > h1


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)))
def test_a_date_belongs_to_exactly_its_half_year(day):
    period = half_year_of(day)
    assert period.contains(day)
    assert parse_period(period.code) == period
    assert not period.previous().contains(day)
