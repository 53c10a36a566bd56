"""How the API writes a record and a submission. The serializers describe the stored rows to REST
framework and its schema; they query nothing (the querysets come from :mod:`aqyl.app`)."""

from __future__ import annotations

from rest_framework import serializers

from aqyl.app.submissions import SUBMISSION_FIELDS, submission_json
from aqyl.domain.intake.columns import record_fields
from aqyl.store import models as m


class RecordSerializer(serializers.ModelSerializer):
    hei = serializers.CharField(source="hei.code", read_only=True)
    submission_version = serializers.IntegerField(source="submission.version", read_only=True, allow_null=True)

    class Meta:
        model = m.MobilityRecord
        fields = ["id", *record_fields(), "submission_version"]  # the record's one declaration


class SubmissionSerializer(serializers.ModelSerializer):
    # The fields declared for the schema; the JSON itself is aqyl.app.cycle.submission_json, the
    # one shape of a submission.

    hei = serializers.CharField(source="hei.code", read_only=True)

    class Meta:
        model = m.Submission
        fields = list(SUBMISSION_FIELDS)

    def to_representation(self, instance):
        return submission_json(instance)
