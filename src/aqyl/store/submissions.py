"""Submission versions: superseding one archives its rows, in one transaction."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.forms.models import model_to_dict

from aqyl.store import models as m


def supersede(submission: m.Submission) -> int:
    """Take a submission out of the register: its rows go to the archive, it stops being current.
    Returns how many rows were archived. Either everything happens or nothing does."""
    with transaction.atomic():
        rows = m.MobilityRecord.objects.filter(submission=submission)
        archived = [
            m.ArchivedRecord(
                submission=submission,
                data=json.loads(json.dumps(model_to_dict(r, exclude=["id", "submission"]), cls=DjangoJSONEncoder)),
            )
            for r in rows
        ]
        m.ArchivedRecord.objects.bulk_create(archived, batch_size=2000)
        rows.delete()
        submission.is_current = False
        submission.save(update_fields=["is_current"])
    return len(archived)
