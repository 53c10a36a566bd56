"""The cache every web worker shares: Django's database cache in a table of the application's own
database (``aqyl_cache``), so the embedded SQLite needs no cache server. A report model, the
person indicators or a note is built once, keyed by the register's state, and read by every
worker and process (aqyl.app.cache); AQYL_CACHE_URL names a Redis server or a folder instead."""

from django.db import migrations

TABLE = "aqyl_cache"  # aqyl.config.CACHE_TABLE


def create(apps, schema_editor):
    from django.core.management.commands.createcachetable import Command

    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)  # nothing if it exists


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("aqyl", "0017_hei_identifiers_history")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
