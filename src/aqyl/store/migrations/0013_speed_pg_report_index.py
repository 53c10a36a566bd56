"""PostgreSQL only: the records' report index ``record_report`` on (period, category) alone.

The same name, so Django's state (and `makemigrations --check`) is unchanged and a later migration
that removes or replaces the index works on both engines. SQLite keeps the covering index of
eleven columns: its report reads that index alone (1M records of two half-years: 0.65 s against
2.0 s with this narrow one). PostgreSQL paid 3-4 s of processor time per million rows imported
to keep the wide index up to date (COPY: 8-10 s against 5.5 s), and its report is as fast with the
narrow one on varied records (0.14 s against 0.17 s); on 600,000 records of one half-year and
category it takes 1.5 s against 0.85 s (measured at the time; docs/development.md). Either needs the table analysed
after a large import, which autovacuum does within a minute (until then 2.3 s on those 600,000).
"""

from django.db import migrations

NAME = "record_report"
NARROW = '"period", "category"'


def _wide(apps) -> str:
    model = apps.get_model("aqyl", "MobilityRecord")
    [index] = [i for i in model._meta.indexes if i.name == NAME]
    columns = [model._meta.get_field(f).column for f in index.fields]
    return ", ".join(f'"{c}"' for c in columns)


def _make(schema_editor, columns: str) -> None:
    table = '"aqyl_mobilityrecord"'
    schema_editor.execute(f'DROP INDEX IF EXISTS "{NAME}"')
    schema_editor.execute(f'CREATE INDEX "{NAME}" ON {table} ({columns})')


def narrow(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        _make(schema_editor, NARROW)


def wide(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        _make(schema_editor, _wide(apps))


class Migration(migrations.Migration):
    dependencies = [("aqyl", "0012_speed_country_check")]
    operations = [migrations.RunPython(narrow, wide)]
