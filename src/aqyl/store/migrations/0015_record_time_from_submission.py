"""A mobility record's time is its submission's: the column repeating it on every row goes.

Every record is written together with its submission (``aqyl.store.register.write_submissions``),
so ``submission.created_at`` already says when. On SQLite Django stored the copy as 32 bytes of
text per row, 18 % of the table: 32 MB of every million imported rows written to the WAL and
again into the database (measured at the time; docs/development.md). Archived rows keep the time they were archived
with in their JSON.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("aqyl", "0014_speed_pg_copy")]

    operations = [migrations.RemoveField(model_name="mobilityrecord", name="created_at")]
