"""Interviews: transcripts stored, segments coded against the words actually said (a quote not in
the transcript is refused with the whole file), frequencies by group, quotes by code, export."""

import csv
import json

from tests.conftest import SHARED

# Two short transcripts written for this test (the seed's own interviews are not published).
FIRST = """Интервьюер: Почему вы выбрали США?
Респондент: Американский диплом признается практически в любой точке мира.
Мне очень интересны исследования, особенно мультидисциплинарный подход.
Я боюсь быть отчисленным, ведь стипендия «Болашак» покрывает все расходы.
После учёбы я обязан вернуться домой: меня ждут мои родители."""
SECOND = """Interviewer: Why the USA?
Respondent: The diploma is recognised almost anywhere in the world.
My parents expect a lot from me, and I am afraid to disappoint them.
I would like to work for a few years in a big American company before I go home."""


def segments_file(path, rows):
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["interview", "code", "quote", "note"])
        w.writerows(rows)


def test_coding_counting_quoting_and_export(tmp_path, aqyl):
    for code, text, lang, attrs in (("KZ-US-01", FIRST, "ru", ["gender=male", "funding=bolashak"]),
                                    ("KZ-US-02", SECOND, "en", ["gender=female", "funding=own"])):
        path = tmp_path / f"{code}.txt"
        path.write_text(text, encoding="utf-8")
        result = aqyl("interview", "add", str(path), "--id", code, "--language", lang, *[x for a in attrs for x in ("--attr", a)])
        assert result.returncode == 0, result.stderr
    again = aqyl("interview", "add", str(tmp_path / "KZ-US-01.txt"), "--id", "KZ-US-01", "--language", "ru", "--lang", "en")
    assert again.returncode == 2 and "--replace" in again.stderr
    slash = aqyl("interview", "add", str(tmp_path / "KZ-US-01.txt"), "--id", "KZ/US-02", "--language", "ru", "--lang", "en")
    assert slash.returncode == 2 and " ".join(slash.stderr.split()) == (
        "✗ “KZ/US-02” cannot be an interview code. A code holds only letters, digits, hyphens (-), underscores (_) "
        "and dots (.), starts with a letter or a digit and is at most 64 characters long. For example: KZ-US-02.")

    bad = tmp_path / "bad.csv"
    segments_file(bad, [
        ["KZ-US-01", "degree_prestige", "Американский диплом признается практически в любой точке мира", ""],
        ["KZ-US-01", "fear_of_expulsion", "Я боюсь провалить экзамен", ""],  # never said
        ["KZ-US-09", "research_interest", "anything", ""],
        ["KZ-US-02", "homesick", "parents", ""],
    ])
    refused = aqyl("interview", "code", str(bad), "--lang", "ru")
    assert refused.returncode == 1
    said = " ".join(refused.stdout.replace("│", " ").split())
    assert "не найден" in said and "KZ-US-09" in said and "homesick" in said and "ничего не сохранено" in said
    assert json.loads(aqyl("interview", "codes", "--json").stdout)["codes"] == []  # nothing stored

    good = tmp_path / "good.csv"
    segments_file(good, [
        # Line breaks and spacing in the quote need not match the transcript's.
        ["KZ-US-01", "degree_prestige", "Американский   диплом признается\nпрактически в любой точке мира", ""],
        ["KZ-US-01", "research_interest", "Мне очень интересны исследования", ""],
        ["KZ-US-01", "fear_of_expulsion", "Я боюсь быть отчисленным", "Bolashak"],
        ["KZ-US-01", "intention_to_return", "я обязан вернуться домой", ""],
        ["KZ-US-01", "care_for_parents", "меня ждут мои родители", ""],
        ["KZ-US-02", "degree_prestige", "recognised almost anywhere in the world", ""],
        ["KZ-US-02", "family_expectations", "My parents expect a lot from me", ""],
        ["KZ-US-02", "stay_abroad", "work for a few years in a big American company", ""],
    ])
    assert aqyl("interview", "code", str(good)).returncode == 0
    counts = json.loads(aqyl("interview", "codes", "--by", "funding", "--json").stdout)
    by_code = {c["code"]: c for c in counts["codes"]}
    assert counts["interviews"] == 2 and counts["groups"] == {"bolashak": 1, "own": 1}
    assert by_code["degree_prestige"] == {"code": "degree_prestige", "segments": 2, "interviews": 2,
                                          "by": {"bolashak": 1, "own": 1}}
    assert by_code["stay_abroad"]["by"] == {"bolashak": 0, "own": 1}
    table = aqyl("interview", "codes", "--by", "gender", "--lang", "kk").stdout
    words = " ".join(table.replace("│", " ").split())
    assert "беделі" in words and "құндылығы" in words and "female" in words

    quotes = aqyl("interview", "quotes", "degree_prestige", "--lang", "en").stdout
    assert "Prestige of the degree" in quotes and "KZ-US-02" in quotes
    assert "Американский диплом признается\nпрактически" not in quotes  # the transcript's own words, not the file's
    out = tmp_path / "segments.json"
    assert aqyl("interview", "export", "--out", str(out), "--lang", "ru").returncode == 0
    exported = json.loads(out.read_text("utf-8"))
    assert len(exported) == 8 and {"attr_gender", "attr_funding", "theme"} <= set(exported[0])
    fear = next(r for r in exported if r["code"] == "fear_of_expulsion")
    assert fear["quote"] == "Я боюсь быть отчисленным" and fear["theme"] == "Стоимость (издержки)" and fear["note"] == "Bolashak"


def test_the_codebook_holds_the_seed_themes():
    from aqyl.store.interviews import codebook

    themes, codes = codebook()
    assert {"attainment", "intrinsic", "utility", "cost", "expectancy"} <= set(themes)
    assert {"degree_prestige", "research_interest", "fear_of_expulsion", "family_expectations", "intention_to_return",
            "career_at_home"} <= set(codes)
    seed = next(iter((SHARED / "seeds").glob("002_*")), None)
    if seed is not None:  # the seed names these motives in its Russian text
        text = seed.read_text("utf-8")
        for word in ("престиж", "интерес к исследованиям", "отчисл", "ожидания", "вернуться"):
            assert word in text.lower()
