"""A version saved in the record form was written with the previous upload's file name and
rejected-row count; it has no file and left no row out."""

from django.db import migrations


def forward(apps, schema_editor):
    apps.get_model("aqyl", "Submission").objects.filter(source="form", file_sha256="").update(file_name="", rejected_count=0)


class Migration(migrations.Migration):
    dependencies = [("aqyl", "0015_record_time_from_submission")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
