"""One record added, edited or removed from a form: the importer's checks on the whole
submission, a new version each time, and nothing written when anything is wrong."""

import pytest

from aqyl.app.edits import change_record, record_values
from aqyl.store import models as m

pytestmark = [pytest.mark.django_db, pytest.mark.engines]  # engine-specific code: also run on PostgreSQL (scripts/test.sh)


@pytest.fixture
def almau(demo_register):
    return m.Hei.objects.get(code="ALMAU")


def current(hei, period="2023H1"):
    return m.Submission.objects.get(hei=hei, period=period, is_current=True)


def test_an_edit_becomes_the_next_version_and_keeps_every_other_record(almau):
    before = current(almau)
    record = m.MobilityRecord.objects.filter(submission=before).order_by("id")[3]
    values = record_values(record) | {"partner_institution": "University of Tartu", "partner_country": "EE"}
    result = change_record(almau, "2023H1", values=values, replaces=record.id, based_on=before.version)
    assert result.submission is not None and not result.problems
    after = current(almau)
    assert after.version == before.version + 1 and after.source == "form"
    assert after.row_count == before.row_count
    assert m.MobilityRecord.objects.filter(submission=after, partner_institution="University of Tartu",
                                           partner_country="EE", record_id=record.record_id).count() == 1
    # It keeps its place among the submission's records.
    order = list(m.MobilityRecord.objects.filter(submission=after).order_by("id").values_list("record_id", flat=True))
    assert order.index(record.record_id) == 3
    # The old version is archived whole, with the record as it was.
    archived = m.ArchivedRecord.objects.filter(submission=before)
    assert archived.count() == before.row_count
    assert any(a.data["record_id"] == record.record_id and a.data["partner_institution"] == record.partner_institution
               for a in archived)


def test_a_wrong_record_is_refused_with_the_importers_messages_and_nothing_changes(almau):
    before = current(almau)
    record = m.MobilityRecord.objects.filter(submission=before).order_by("id").first()
    other = m.MobilityRecord.objects.filter(submission=before).exclude(record_id=record.record_id).exclude(record_id="").first()
    values = record_values(record) | {"partner_country": "Atlantis", "end_date": "2001-01-01",
                                      "record_id": other.record_id}
    result = change_record(almau, "2023H1", values=values, replaces=record.id, based_on=before.version)
    assert result.submission is None
    mine = {p.column: p for p in result.problems if p.row == result.row}
    assert {"partner_country", "end_date"} <= set(mine)
    assert "Atlantis" in mine["partner_country"].message("en")
    assert any(p.type.startswith("duplicate") or "repeat" in p.type for p in result.problems), [p.type for p in result.problems]
    assert current(almau).version == before.version
    assert m.MobilityRecord.objects.get(pk=record.pk).partner_country == record.partner_country


def test_add_and_remove(almau):
    before = current(almau)
    template = record_values(m.MobilityRecord.objects.filter(submission=before).order_by("id").first())
    added = change_record(almau, "2023H1", values=template | {"record_id": "NEW-1", "partner_institution": "Ghent University",
                                                               "partner_country": "BE"}, based_on=before.version)
    assert added.submission.row_count == before.row_count + 1
    new = m.MobilityRecord.objects.get(submission=added.submission, record_id="NEW-1")
    removed = change_record(almau, "2023H1", values=None, replaces=new.id, based_on=added.submission.version)
    assert removed.submission.row_count == before.row_count
    assert not m.MobilityRecord.objects.filter(hei=almau, record_id="NEW-1").exists()


def test_a_form_opened_on_an_older_version_is_not_saved(almau):
    before = current(almau)
    record = m.MobilityRecord.objects.filter(submission=before).first()
    result = change_record(almau, "2023H1", values=record_values(record), replaces=record.id, based_on=before.version - 1)
    assert result.conflict and current(almau).version == before.version


def test_a_first_record_of_a_new_period_starts_version_one(almau):
    template = record_values(m.MobilityRecord.objects.filter(hei=almau, period="2023H1").first())
    values = template | {"record_id": "H2-1", "start_date": "2026-09-01", "end_date": "2026-12-20"}
    result = change_record(almau, "2026H2", values=values, based_on=0)
    assert not [p for p in result.problems if p.severity == "error"], [p.message("en") for p in result.problems]
    assert result.submission.version == 1 and result.submission.row_count == 1
    removed = change_record(almau, "2026H2", values=None, replaces=m.MobilityRecord.objects.get(record_id="H2-1").id,
                            based_on=1)
    assert not removed.conflict
    assert not m.Submission.objects.filter(hei=almau, period="2026H2", is_current=True).exists()
