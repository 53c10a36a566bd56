"""The database refuses what the classifiers refuse, whatever writes to it."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from aqyl.domain.errors import RegistryError
from aqyl.domain.heis import Hei
from aqyl.domain.i18n import Label
from aqyl.store import models as m
from aqyl.store.registry import add_hei, directory, sync_shipped_registry

pytestmark = [pytest.mark.django_db, pytest.mark.engines]  # engine-specific code: also run on PostgreSQL (scripts/test.sh)


def record(**overrides) -> m.MobilityRecord:
    values = dict(period="2023H1", direction="outgoing", category="faculty", hei=m.Hei.objects.get(code="ENU"),
                  partner_country="UZ", programme="inter_university", format="offline", degree="phd", field="04")
    values.update(overrides)
    return m.MobilityRecord(**values)


def test_the_shipped_registry_is_loaded_by_migrate():
    assert m.Hei.objects.count() == 61
    assert m.HeiAlias.objects.filter(name="Қазақстан-Америка Еркін Университеті").get().hei.code == "KAFU"
    assert sync_shipped_registry() == 0  # idempotent


def test_a_valid_record_is_stored():
    record().save()
    assert m.MobilityRecord.objects.count() == 1


@pytest.mark.parametrize(
    "bad",
    [{"direction": "sideways"}, {"category": "alien"}, {"partner_country": "XX"}, {"programme": "erasmus"},
     {"format": "hybrid"}, {"degree": "bachelor"}, {"field": "4"}, {"field": "13"}, {"gender": "x"},
     {"funding": "lottery"}, {"study_level": "master"},  # a study level on a staff row
     {"category": "student", "degree": "phd", "study_level": "master"},  # a degree on a student row
     {"start_date": dt.date(2023, 3, 1), "end_date": dt.date(2023, 2, 1)}],
)
def test_the_database_refuses_unknown_codes_and_broken_rows(bad):
    with pytest.raises(IntegrityError), transaction.atomic():
        record(**bad).save()
    assert m.MobilityRecord.objects.count() == 0


def test_the_country_check_takes_every_code_and_nothing_else():
    # On PostgreSQL the CHECK is a binary search over the codes (migration 0014): a wrong split
    # would refuse a real code or let a neighbour's typo through.
    from aqyl.domain.classifiers import CLASSIFIERS

    stored = record()
    stored.save()
    codes = CLASSIFIERS["country"].codes
    assert len(codes) == 249
    for code in codes:
        m.MobilityRecord.objects.filter(pk=stored.pk).update(partner_country=code)
    for bad in ["", "XX", "AA", "ZZ", "uz", "U", "K ", "Z", "A", "ÄB"]:
        with pytest.raises(IntegrityError), transaction.atomic():
            m.MobilityRecord.objects.filter(pk=stored.pk).update(partner_country=bad)
    assert m.MobilityRecord.objects.get().partner_country == codes[-1]


def test_a_student_row_has_a_level_and_no_degree():
    record(category="student", degree="", study_level="master").save()
    assert m.MobilityRecord.objects.get().study_level == "master"


def test_only_one_current_submission_per_hei_and_period():
    hei = m.Hei.objects.get(code="ENU")
    m.Submission.objects.create(hei=hei, period="2023H1", version=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        m.Submission.objects.create(hei=hei, period="2023H1", version=2)
    m.Submission.objects.create(hei=hei, period="2023H1", version=2, is_current=False)
    assert m.Submission.objects.count() == 2


def test_officer_profile_needs_an_hei(django_user_model):
    user = django_user_model.objects.create(username="o")
    with pytest.raises(IntegrityError), transaction.atomic():
        m.Profile.objects.create(user=user, role="officer")


def test_add_hei_refuses_taken_names_and_keeps_the_registry_unchanged():
    hei = Hei("NEWU", "private", Label("Жаңа университет", "Новый университет", "New University"),
              Label("Алматы", "Алматы", "Almaty"), region="almaty_city", aliases=("Нархоз",))
    with pytest.raises(RegistryError):
        add_hei(hei)  # its alias is Narxoz's
    assert not m.Hei.objects.filter(code="NEWU").exists()
    add_hei(Hei(hei.code, hei.hei_type, hei.name, hei.city, hei.region, aliases=("ЖУ",)))
    assert directory().resolve("жу") == "NEWU"


def test_migrations_match_the_models():
    out = StringIO()
    call_command("makemigrations", "aqyl", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
