"""Surveys: the shipped instrument, reading a form tool's export with the importer's checks, and
the statistics — checked against pingouin and scipy, and on a synthetic survey whose factor
structure is known (its scales come out reliable, a noise scale does not)."""

import csv
import json

import numpy as np
import pandas as pd
import pingouin
import pytest
from scipy import stats

from aqyl.domain.survey.analysis import analyze, scored_matrix
from aqyl.domain.survey.instrument import load_instrument, parse_instrument
from aqyl.domain.survey.stats import chi_square, compare_groups, cronbach_alpha, item_total
from aqyl.importers.survey import read_mapping, read_responses

MOTIVES = load_instrument("motives")


def synthetic(n: int = 400, seed: int = 7, missing: float = 0.03) -> list[dict]:
    """Respondents whose answers follow a known structure: each scale's items load 0.75 on the
    scale's own latent factor; reversed items are answered the other way round; the 'pull' scale
    is pure noise. Funding drives the intention to return (scholarship holders return more)."""
    rng = np.random.default_rng(seed)
    funding = rng.choice(["bolashak", "own", "grant"], size=n, p=[0.4, 0.45, 0.15])
    rows = []
    factors = {s.id: rng.normal(size=n) for s in MOTIVES.scales}
    factors["return"] = factors["return"] + np.where(funding == "own", -0.8, 0.4)
    for r in range(n):
        row = {"respondent": f"R{r:04d}", "gender": rng.choice(["Әйел", "Мужской", "female"]), "funding": funding[r],
               "destination": rng.choice(["USA", "Ресей", "China"]), "level": rng.choice(["master", "doctoral"]),
               "plan": rng.choice(["return", "stay", "undecided"], p=[0.5, 0.3, 0.2]) if funding[r] != "own"
               else rng.choice(["return", "stay", "undecided"], p=[0.2, 0.6, 0.2])}
        for scale in MOTIVES.scales:
            for item_id in scale.items:
                item = MOTIVES.item(item_id)
                if scale.id == "pull":
                    latent = rng.normal()
                else:
                    latent = 0.75 * factors[scale.id][r] + 0.66 * rng.normal()
                latent = -latent if item.reversed else latent
                answer = int(np.clip(np.round(3 + 1.2 * latent), 1, 5))
                row[item_id] = "" if rng.random() < missing else answer
        rows.append(row)
    return rows


def write_csv(path, rows, headers=None):
    headers = headers or list(rows[0])
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(headers)
        for row in rows:
            w.writerow([row.get(h, "") for h in (headers if headers == list(rows[0]) else rows[0])])


# --- statistics against pingouin and scipy --------------------------------------------------------
def test_alpha_and_its_interval_match_pingouin():
    scale = MOTIVES.scales[0]
    for missing in (0.0, 0.05):
        rows = synthetic(250, missing=missing)
        answers = {i: [r[i] or None for r in rows] for i in scale.items}
        matrix = scored_matrix(MOTIVES, answers, scale.items)
        ours = cronbach_alpha(matrix)
        theirs, (lower, upper) = pingouin.cronbach_alpha(pd.DataFrame(matrix), nan_policy="listwise")
        assert ours.alpha == pytest.approx(theirs, abs=1e-9)
        assert ours.n == int((~np.isnan(matrix).any(axis=1)).sum())
        if not missing:
            assert (ours.lower, ours.upper) == pytest.approx((lower, upper), abs=5e-4)  # pingouin rounds to 3 places
    # With missing answers pingouin keeps every row's count in the interval's degrees of freedom after
    # dropping incomplete rows; ours counts the respondents the alpha was computed on, so it is wider.
    assert ours.n < 250 and ours.upper - ours.lower > upper - lower


def test_item_total_correlation_is_the_corrected_one():
    m = np.array([[1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 5], [5, 5, 4], [2, 1, 2]], dtype=float)
    r, without = item_total(m)[0]
    assert r == pytest.approx(np.corrcoef(m[:, 0], m[:, 1] + m[:, 2])[0, 1])
    assert without == pytest.approx(pingouin.cronbach_alpha(pd.DataFrame(m[:, 1:]))[0])


def test_chi_square_and_cramers_v_match_scipy_and_pingouin():
    table = np.array([[30, 12, 8], [10, 25, 15]])
    ours = chi_square(table)
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    assert (ours.chi2, ours.p, ours.dof) == pytest.approx((chi2, p, dof))
    rows = [(g, o) for g in range(2) for o in range(3) for _ in range(table[g, o])]
    frame = pd.DataFrame(rows, columns=["g", "o"])
    _, _, result = pingouin.chi2_independence(frame, "g", "o", correction=False)
    pearson = result[result["test"] == "pearson"].iloc[0]
    assert ours.cramers_v == pytest.approx(pearson["cramer"], abs=1e-9) and ours.p == pytest.approx(pearson["pval"])


def test_group_comparisons_match_pingouin():
    rng = np.random.default_rng(3)
    x, y, z = rng.normal(3.4, 0.8, 60), rng.normal(3.0, 0.9, 45), rng.normal(3.1, 0.7, 30)
    two = compare_groups([x, y])
    t = pingouin.ttest(x, y, correction=True).iloc[0]
    assert two.test == "welch_t" and two.statistic == pytest.approx(t["T"]) and two.p == pytest.approx(t["p_val"])
    assert two.df[0] == pytest.approx(t["dof"])
    assert two.effect == pytest.approx(pingouin.compute_effsize(x, y, eftype="cohen"))
    three = compare_groups([x, y, z])
    frame = pd.DataFrame({"v": np.concatenate([x, y, z]), "g": ["x"] * 60 + ["y"] * 45 + ["z"] * 30})
    a = pingouin.anova(frame, dv="v", between="g").iloc[0]
    assert three.statistic == pytest.approx(a["F"]) and three.p == pytest.approx(a["p_unc"])
    assert three.effect == pytest.approx(a["np2"])  # one-way: partial eta squared is eta squared


# --- a synthetic survey with a known structure ----------------------------------------------------
def test_a_known_factor_structure_is_recovered(tmp_path):
    path = tmp_path / "answers.csv"
    write_csv(path, synthetic())
    responses = read_responses(path, MOTIVES)
    assert responses.report.errors_total == 0 and responses.n == 400
    model = analyze(MOTIVES, responses.answers, responses.n, by="funding_type")
    alpha = {s["scale"]: s["alpha"] for s in model["scales"]}
    real = [s for s in alpha if s != "pull"]
    assert all(alpha[s] > 0.7 for s in real), alpha
    assert alpha["pull"] < 0.3, alpha
    # Reversed items were turned round: every item of a real scale correlates positively with the rest.
    assert all(i["item_total_r"] > 0.4 for i in model["items"] if i["scale"] in real)
    # The planted effect: scholarship holders intend to return more, a large effect; no other scale differs much.
    by_scale = {s["scale"]: s for s in model["groups"]["scales"]}
    ret = by_scale["return"]
    assert ret["test"]["name"] == "welch_t" and ret["test"]["p"] < 1e-6 and ret["test"]["effect"] > 0.8
    assert ret["groups"]["scholarship"]["mean"] > ret["groups"]["self_funded"]["mean"]
    assert abs(by_scale["intrinsic"]["test"]["effect"]) < 0.3
    plan = next(c for c in model["groups"]["crosstabs"] if c["item"] == "plan")
    assert plan["p"] < 1e-6 and plan["cramers_v"] > 0.2
    assert next(c for c in model["groups"]["crosstabs"] if c["item"] == "gender")["p"] > 0.001


def test_missing_answers_are_missing_not_zero():
    instrument = parse_instrument({
        "name": "tiny", "title": {"kk": "т", "ru": "т", "en": "t"},
        "likert": {"points": 5, "labels": [{"kk": str(i), "ru": str(i), "en": str(i)} for i in range(1, 6)]},
        "scales": [{"id": "s", "label": {"kk": "s", "ru": "s", "en": "s"}, "about": {"kk": "", "ru": "", "en": ""},
                    "items": ["a", "b", "c", "d"]}],
        "items": [{"id": x, "kind": "likert", "reversed": x == "d", "text": {"kk": x, "ru": x, "en": x}} for x in "abcd"],
    })
    answers = {"a": [5, 4, None, 1], "b": [5, None, None, 2], "c": [4, 4, None, 1], "d": [1, 2, 5, None]}
    model = analyze(instrument, answers, 4)
    scale = model["scales"][0]
    # Respondent 1: 5, 5, 4, 6-1=5 → 4.75; 2: 4, 4, 6-2=4 → 4.0 (3 of 4 answered);
    # 3: only d (1 of 4, below half) → missing; 4: 1, 2, 1 → 1.333.
    assert scale["n"] == 3 and scale["missing"] == 1
    assert scale["mean"] == pytest.approx((4.75 + 4.0 + 4 / 3) / 3, abs=1e-4)
    assert scale["alpha_n"] == 1  # only respondent 1 answered all four items
    assert next(i for i in model["items"] if i["item"] == "b")["missing"] == 2


# --- reading a form tool's export ---------------------------------------------------------------
def test_headers_in_any_language_words_as_answers_and_every_problem_found(tmp_path):
    rows = synthetic(5, missing=0)
    # A Google Forms export: a timestamp, the question texts in Russian as headers, answers as words.
    headers = ["Отметка времени"] + [MOTIVES.item(k).text.ru if k != "respondent" else "Respondent ID" for k in rows[0]]
    words = {str(n): label.ru for n, label in enumerate(MOTIVES.likert_labels, start=1)}
    table = [["2026-11-01 10:00"] + [words.get(str(r[k]), r[k]) if MOTIVES.item(k).kind == "likert" else r[k]
                                     for k in rows[0]] for r in rows]
    table[1][1 + list(rows[0]).index("att1")] = "7"
    table[2][1 + list(rows[0]).index("funding")] = "Болашаг"
    table[3][1 + list(rows[0]).index("int2")] = "скорее да"
    table[4][1] = table[0][1]  # a respondent ID twice
    path = tmp_path / "form.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([headers, *table])
    responses = read_responses(path, MOTIVES)
    report = responses.report
    found = {(p.row, p.type) for p in report.problems}
    assert {(3, "survey_out_of_range"), (4, "survey_unknown_option"), (5, "survey_unknown_answer"),
            (6, "survey_duplicate_respondent")} <= found
    assert any(p.type == "unknown_columns" and p.severity == "warning" for p in report.problems)
    assert report.rejected == 4 and responses.n == 0  # a file with errors gives no respondents
    option = next(p for p in report.problems if p.type == "survey_unknown_option")
    assert "Болашақ" in option.message("kk") and option.header == MOTIVES.item("funding").text.ru
    assert "от 1 до 5" in next(p for p in report.problems if p.type == "survey_out_of_range").message("ru")
    valid = read_responses(path, MOTIVES, accept_valid=True)
    assert valid.n == 1 and valid.answers["att1"] == [rows[0]["att1"]]


def test_a_mapping_file_names_the_columns_and_recodes_answers(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("Q1,Q2,Funding source,Who\n1,agree a lot,own money,A\n2,meh,Bolashak,B\n", encoding="utf-8")
    mapping_path = tmp_path / "map.json"
    mapping_path.write_text(json.dumps({
        "columns": {"Q1": "att1", "Q2": "att2", "Funding source": "funding", "Who": "respondent"},
        "answers": {"likert": {"agree a lot": 5, "meh": 3}, "funding": {"own money": "own"}}}), encoding="utf-8")
    responses = read_responses(path, MOTIVES, read_mapping(mapping_path, MOTIVES))
    assert responses.report.errors_total == 0
    assert responses.answers["att2"] == [5, 3] and responses.answers["funding"] == ["own", "bolashak"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"columns": {"Q1": "no_such_item"}}), encoding="utf-8")
    with pytest.raises(Exception, match="no_such_item"):
        read_mapping(bad, MOTIVES)


# --- the command line and the files a researcher gets --------------------------------------------
def test_questionnaire_round_trip_and_analyze_command(tmp_path, aqyl):
    import openpyxl

    out = tmp_path / "q-kk.xlsx"
    assert aqyl("survey", "questionnaire", "--lang", "kk", "--out", str(out)).returncode == 0
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers[MOTIVES.items.index(MOTIVES.item("att1"))] == MOTIVES.item("att1").text.kk
    assert "Толық келісемін" in str([c.value for c in book.worksheets[1]["E"]])
    # The answer sheet, filled in, comes back without a mapping.
    for r, row in enumerate(synthetic(30, missing=0), start=2):
        for c, item in enumerate(MOTIVES.items, start=1):
            sheet.cell(r, c, row[item.id])
    book.save(out)
    result = aqyl("survey", "analyze", str(out), "--by", "funding_type", "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "30 respondents answered" in result.stdout and "Cronbach's α" in result.stdout
    made = aqyl("survey", "analyze", str(out), "--by", "level", "--format", "docx,html,json", "--out", str(tmp_path / "r"),
                "--lang", "ru")
    assert made.returncode == 0, made.stderr
    html = (tmp_path / "r" / "aqyl-survey-motives-by-level-ru.html").read_text("utf-8")
    assert "Намерение вернуться" in html and html.count("<svg") >= len(MOTIVES.scales)
    model = json.loads((tmp_path / "r" / "aqyl-survey-motives-by-level.json").read_text("utf-8"))
    assert model["respondents"] == 30 and {s["scale"] for s in model["groups"]["scales"]} == {s.id for s in MOTIVES.scales}
    assert (tmp_path / "r" / "aqyl-survey-motives-by-level-ru.docx").read_bytes()[:2] == b"PK"


def test_analyze_on_a_bad_file_says_what_and_where(tmp_path, aqyl):
    path = tmp_path / "bad.csv"
    rows = synthetic(3, missing=0)
    rows[1]["att1"] = 9
    write_csv(path, rows)
    result = aqyl("survey", "analyze", str(path), "--lang", "ru", "--errors-xlsx", str(tmp_path / "errors.xlsx"))
    assert result.returncode == 1
    assert "вне шкалы" in result.stdout and "от 1 до 5" in result.stdout
    assert (tmp_path / "errors.xlsx").exists()
    unknown = aqyl("survey", "analyze", str(path), "--by", "eye_colour", "--lang", "en")
    assert unknown.returncode == 2 and "Possible groups" in unknown.stderr
    assert aqyl("survey", "analyze", str(path), "--instrument", "nope", "--lang", "kk").returncode == 2
