"""The demo reproduces every figure of the 2023 note, and every 2022 figure it quotes."""

from collections import Counter

import pytest
from django.db.models import Count

from aqyl.domain.demo import load_figures, synthesize
from aqyl.domain.heis import shipped_registry
from aqyl.store import models as m
from aqyl.store.demo import DEMO_PASSWORD, DemoWouldOverwrite, load_demo
from aqyl.store.registry import directory

pytestmark = [pytest.mark.django_db, pytest.mark.engines]  # engine-specific code: also run on PostgreSQL (scripts/test.sh)

BREAKDOWNS = {"by_hei_type": "hei__hei_type", "by_format": "format", "by_degree": "degree", "by_field": "field",
              "by_country": "partner_country"}


def counts(qs, column: str) -> dict[str, int]:
    return {row[column]: row["n"] for row in qs.values(column).annotate(n=Count("id"))}


@pytest.fixture
def demo(settings):
    # Production's hashers here (the suite's settings use a fast one): the demo accounts get Argon2.
    from aqyl.web import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    return load_demo()


def test_every_2023_figure_of_the_note(demo, reference):
    expected = reference["periods"]["2023H1"]
    names = directory()
    for direction in ("outgoing", "incoming"):
        want = expected[direction]
        qs = m.MobilityRecord.objects.filter(period="2023H1", direction=direction)
        assert qs.count() == want["total"]
        assert qs.values("hei").distinct().count() == want["kz_heis"]
        assert qs.values("partner_institution").distinct().count() == want["foreign_heis"]
        assert qs.values("partner_country").distinct().count() == want["countries"]
        for key, column in BREAKDOWNS.items():
            got = counts(qs, column)
            assert got == {k: v for k, v in want[key].items() if v}, (direction, key)
        by_hei = Counter()
        for row in want["by_hei"]:
            by_hei[names.encode(row["name_kk"])] += row["count"]
        assert counts(qs, "hei__code") == dict(by_hei)
        assert set(qs.values_list("category", flat=True)) == {"faculty"}
    both = m.MobilityRecord.objects.filter(period="2023H1")
    assert both.count() == expected["both"]["total"]
    assert both.values("partner_country").distinct().count() == expected["both"]["countries"]
    assert counts(both, "programme") == expected["both"]["by_programme"]


def test_every_2022_figure_the_note_quotes(demo, reference):
    stated = reference["periods"]["2022H1"]
    qs = m.MobilityRecord.objects.filter(period="2022H1")
    out, inc = qs.filter(direction="outgoing"), qs.filter(direction="incoming")
    assert (out.count(), inc.count(), qs.count()) == (139, 174, 313)
    assert out.filter(hei__hei_type="private").count() == stated["outgoing"]["by_hei_type_partial"]["private"] == 75
    assert inc.filter(hei__hei_type="jsc").count() == stated["incoming"]["by_hei_type_partial"]["jsc"] == 76
    for direction, sub in (("outgoing", out), ("incoming", inc)):
        degrees = counts(sub, "degree")
        for degree, n in stated[direction]["by_degree_partial"].items():
            assert degrees[degree] == n, (direction, degree)
    assert set(qs.values_list("partner_country", flat=True)) == set(stated["both"]["country_list_iso2"])
    out_countries = Counter(out.values_list("partner_country", flat=True))
    leader, n = out_countries.most_common(1)[0]
    assert (leader, n) == (stated["outgoing"]["leader_country"]["iso2"], stated["outgoing"]["leader_country"]["count"])
    # "as last year": private HEIs sent the most, JSC HEIs received the most, Uzbekistan sent the most
    assert max(counts(out, "hei__hei_type").items(), key=lambda kv: kv[1])[0] == "private"
    assert max(counts(inc, "hei__hei_type").items(), key=lambda kv: kv[1])[0] == "jsc"
    assert Counter(inc.values_list("partner_country", flat=True)).most_common(1)[0][0] == "UZ"


def test_records_are_plausible(demo):
    qs = m.MobilityRecord.objects.all()
    assert not qs.filter(programme="daad").exclude(partner_country="DE").exists()
    assert not qs.filter(programme="bolashak_500_scientists", direction="incoming").exists()
    assert all(r.start_date <= r.end_date for r in qs.only("start_date", "end_date"))
    for r in qs.filter(period="2023H1").only("start_date", "end_date"):
        assert r.start_date.year == 2023 and r.end_date.month <= 6
    # each partner institution lies in one country
    pairs = set(qs.values_list("period", "direction", "partner_institution", "partner_country"))
    assert len(pairs) == len({p[:3] for p in pairs})


def test_demo_is_reproducible_and_replaces_itself(demo):
    first = sorted(m.MobilityRecord.objects.values_list("record_id", "hei__code", "partner_country", "field"))
    again = load_demo()
    assert again.records == demo.records
    assert sorted(m.MobilityRecord.objects.values_list("record_id", "hei__code", "partner_country", "field")) == first
    assert m.MobilityRecord.objects.count() == 1048
    assert synthesize(load_figures(), shipped_registry(), seed=7) != synthesize(load_figures(), shipped_registry())


def test_demo_accounts(demo):
    from django.contrib.auth import authenticate as login_check
    from django.test import RequestFactory

    def authenticate(**credentials):
        # The login rate limiter (django-axes) needs the request a sign-in comes with.
        return login_check(RequestFactory().post("/login/"), **credentials)

    officer = authenticate(username="officer", password=DEMO_PASSWORD)
    assert officer.aqyl_profile.role == "officer" and officer.aqyl_profile.hei.code == "ALMAU"
    assert officer.aqyl_profile.hei.name_kk == "Алматы Менеджмент Университеті"
    admin = authenticate(username="admin", password=DEMO_PASSWORD)
    assert admin.is_superuser and admin.password.startswith("argon2")
    assert authenticate(username="analyst", password=DEMO_PASSWORD).aqyl_profile.role == "analyst"


def test_demo_never_overwrites_real_submissions(demo):
    hei = m.Hei.objects.get(code="ENU")
    m.Submission.objects.filter(hei=hei, period="2023H1").update(is_current=False)
    m.Submission.objects.create(hei=hei, period="2023H1", version=2, source="import", file_name="enu.xlsx")
    before = m.MobilityRecord.objects.count()
    with pytest.raises(DemoWouldOverwrite) as caught:
        load_demo()
    assert "2023H1" in caught.value.message("kk") and "--out" in caught.value.message("ru")
    assert m.MobilityRecord.objects.count() == before
