"""Cohorts of scholarship holders in the database: each upload of a programme's list is a new
version (the old one keeps its members), read back as :class:`aqyl.domain.migration.cohorts.Fellow`."""

from __future__ import annotations

import polars as pl
from django.db.models import Max

from aqyl.domain.migration.cohorts import Fellow
from aqyl.store.models import CohortMember, CohortUpload

YEARS = ("departure_year", "graduation_year", "return_year", "obligation_years")
FLAGS = ("return_planned", "job_matches_qualification")
CODES = ("host_country", "study_level", "field", "obligation_status", "residence_country", "employment")


def write_cohorts(valid: pl.DataFrame, *, file_name: str, file_sha256: str, rejected: dict[str, int],
                  user=None, submitted_by: str = "") -> list[CohortUpload]:
    """Store each programme in ``valid`` (checked rows, codes) as its new current version.

    Call inside a transaction: the versions and their members land together or not at all."""
    uploads = []
    for (name,), rows in valid.partition_by("cohort", as_dict=True, maintain_order=True).items():
        last = CohortUpload.objects.select_for_update().filter(cohort=name).aggregate(v=Max("version"))["v"] or 0
        CohortUpload.objects.filter(cohort=name, is_current=True).update(is_current=False)
        upload = CohortUpload.objects.create(
            cohort=name, version=last + 1, file_name=file_name, file_sha256=file_sha256, row_count=rows.height,
            rejected_count=rejected.get(name, 0), created_by=user, submitted_by=submitted_by)
        CohortMember.objects.bulk_create([_member(upload, row) for row in rows.iter_rows(named=True)], batch_size=2000)
        uploads.append(upload)
    return uploads


def _member(upload: CohortUpload, row: dict) -> CohortMember:
    return CohortMember(
        upload=upload, person_id=row["person_id"],
        **{k: int(row[k]) if row[k] else None for k in YEARS},
        **{k: None if not row[k] else row[k] == "yes" for k in FLAGS},
        **{k: row[k] for k in CODES},
    )


def current_fellows(cohort: str | None = None) -> list[Fellow]:
    members = CohortMember.objects.filter(upload__is_current=True).select_related("upload").order_by("upload__cohort", "person_id")
    if cohort:
        members = members.filter(upload__cohort=cohort)
    return [
        Fellow(person_id=m.person_id, cohort=m.upload.cohort, **{k: getattr(m, k) for k in (*YEARS, *FLAGS, *CODES)})
        for m in members
    ]


def cohort_names() -> list[str]:
    return list(CohortUpload.objects.filter(is_current=True).order_by("cohort").values_list("cohort", flat=True))
