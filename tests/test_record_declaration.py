"""The mobility record is declared once (aqyl.domain.intake.columns): the model's fields, the
database's CHECK constraints, the import's validation, the write path's columns and the API's
record fields agree with the declaration, and a row breaking the staff/student rule is refused
both by the validation, with the right message, and by the database."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest
from django.db import IntegrityError, connection, models, transaction

from aqyl.domain.classifiers import CATEGORY, CLASSIFIERS
from aqyl.domain.heis import HeiDirectory, shipped_registry
from aqyl.domain.intake.columns import (
    STUDENT,
    categories,
    columns,
    filled_by,
    group_columns,
    group_of,
    record_fields,
)
from aqyl.importers.readers import read_table
from aqyl.importers.validate import check
from aqyl.store import models as m

pytestmark = pytest.mark.engines  # engine-specific code: also run on PostgreSQL (scripts/test.sh)

GOOD = {
    "record_id": "R1", "period": "2023H1", "direction": "outgoing", "category": "faculty", "hei": "ENU",
    "partner_institution": "University of Tartu", "partner_country": "UZ", "programme": "inter_university",
    "format": "offline", "degree": "phd", "study_level": "", "field": "04", "start_date": "", "end_date": "",
    "funding": "", "gender": "", "person_id": "",
}
LEVEL_ON_STAFF = ("A staff member's row gives a study level. For staff fill in “Academic degree” and leave "
                  "“Study level” empty.")
DEGREE_ON_STUDENT = ("A student's row gives an academic degree. For a student fill in “Study level” and leave "
                     "“Academic degree” empty.")


def validated(tmp_path: Path, row: dict) -> list[tuple[str, str, str]]:
    path = tmp_path / "one.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(record_fields())
        writer.writerow([{**GOOD, **row}[name] for name in record_fields()])
    report = check(read_table(path), HeiDirectory(shipped_registry())).report
    return [(p.column, p.type, p.message("en")) for p in report.problems]


def written(**row) -> None:
    """Through the register's one write path (on SQLite its column-wise check, on PostgreSQL the CHECK)."""
    from aqyl.store.register import write_submissions

    with transaction.atomic():
        write_submissions(pl.DataFrame([{**GOOD, **row}], schema=dict.fromkeys(record_fields(), pl.String)))


def stored(**row) -> m.MobilityRecord:
    values = {**GOOD, **row, "hei": m.Hei.objects.get(code="ENU"), "start_date": None, "end_date": None}
    record = m.MobilityRecord(**values)
    record.save()
    return record


def test_the_groups_split_the_categories():
    assert categories("staff") == ("faculty", "researcher", "staff")
    assert categories("student") == (STUDENT,)
    assert sorted(categories("staff") + categories("student")) == sorted(CATEGORY.codes)
    assert {group_of(code) for code in categories("staff")} == {"staff"} and group_of(STUDENT) == "student"
    assert filled_by("staff") == ("degree",) and filled_by("student") == ("study_level",)
    assert [c.name for c in group_columns()] == ["degree", "study_level"]


def test_every_declared_column_is_a_model_field_of_the_declared_kind():
    fields = {f.name: f for f in m.MobilityRecord._meta.concrete_fields}
    assert set(record_fields()) <= set(fields)
    assert set(fields) - set(record_fields()) == {"id", "submission"}
    for c in columns():
        field = fields[c.name]
        if c.kind == "code":
            assert field.classifier == c.classifier, c.name
            assert field.blank == (c.required != "always"), c.name
        elif c.kind == "hei":
            assert isinstance(field, models.ForeignKey) and field.related_model is m.Hei
        elif c.kind == "date":
            assert isinstance(field, models.DateField) and field.null
        if c.max_length:
            assert field.max_length == c.max_length, c.name


def test_the_check_constraints_are_the_declarations():
    checks = {c.name: c.condition for c in m.MobilityRecord._meta.constraints}
    coded = [c for c in columns() if c.kind == "code"]
    assert set(checks) == {f"mobilityrecord_{c.name}_known" for c in coded} | {
        "mobilityrecord_degree_or_level", "mobilityrecord_dates_ordered"}
    for c in coded:
        allowed = sorted(CLASSIFIERS[c.classifier].codes) + ([""] if c.required != "always" else [])
        assert checks[f"mobilityrecord_{c.name}_known"].children == [(f"{c.name}__in", allowed)]


def test_the_write_path_and_the_api_use_the_declared_fields():
    from aqyl.store.register import RECORD_COLUMNS
    from aqyl.web.api.serializers import RecordSerializer

    assert tuple(RECORD_COLUMNS) == record_fields()
    assert list(RecordSerializer.Meta.fields) == ["id", *record_fields(), "submission_version"]


@pytest.mark.django_db
@pytest.mark.parametrize("category", ["faculty", "researcher", "staff"])
def test_a_staff_row_with_a_study_level_is_refused_by_validation_and_database(tmp_path, category):
    row = {"category": category, "degree": "phd", "study_level": "master"}
    assert validated(tmp_path, row) == [("study_level", "level_on_staff", LEVEL_ON_STAFF)]
    with pytest.raises(IntegrityError), transaction.atomic():
        stored(**row)
    with pytest.raises((IntegrityError, connection.Database.IntegrityError)):  # PostgreSQL's COPY: the driver's
        written(**row)
    assert not m.MobilityRecord.objects.exists() and not m.Submission.objects.exists()
    assert validated(tmp_path, {**row, "study_level": ""}) == []
    assert stored(**{**row, "study_level": ""}).pk


@pytest.mark.django_db
def test_a_student_row_with_a_degree_is_refused_by_validation_and_database(tmp_path):
    row = {"category": "student", "degree": "phd", "study_level": "master"}
    assert validated(tmp_path, row) == [("degree", "degree_on_student", DEGREE_ON_STUDENT)]
    with pytest.raises(IntegrityError), transaction.atomic():
        stored(**row)
    with pytest.raises((IntegrityError, connection.Database.IntegrityError)):  # PostgreSQL's COPY: the driver's
        written(**row)
    assert validated(tmp_path, {**row, "degree": ""}) == []
    written(**{**row, "degree": ""})
    assert m.MobilityRecord.objects.get().study_level == "master"


@pytest.mark.django_db
def test_filling_in_is_the_imports_check_and_the_database_leaves_it(tmp_path):
    # The CHECK refuses a column of the other group; a missing one of the row's own group is the
    # import's to report (a record edited in the register may still lack it).
    assert validated(tmp_path, {"degree": ""}) == [("degree", "degree_required", (
        "“Academic degree” is empty on a staff member's row. If the person has no degree, write “No degree”."))]
    assert validated(tmp_path, {"category": "student", "degree": ""}) == [("study_level", "level_required", (
        "“Study level” is empty on a student's row: write bachelor's, master's or doctoral."))]
    assert stored(degree="").pk
