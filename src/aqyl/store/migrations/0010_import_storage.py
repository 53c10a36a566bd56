"""Reports group the records table through one covering index; the pre-counted tables go (on
varied data they held a row per record, so every import wrote each row twice); the records' keys
lose their database constraints (PostgreSQL checked them row by row at commit)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('aqyl', '0009_research'),
    ]

    operations = [
        migrations.AlterField(
            model_name='mobilityrecord',
            name='submission',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.CASCADE,
                                    related_name='records', to='aqyl.submission'),
        ),
        migrations.AlterField(
            model_name='mobilityrecord',
            name='hei',
            field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.PROTECT,
                                    related_name='records', to='aqyl.hei'),
        ),
        migrations.AddIndex(
            model_name='mobilityrecord',
            index=models.Index(fields=['period', 'category', 'direction', 'hei', 'programme', 'partner_country', 'format',
                                       'field', 'degree', 'study_level', 'partner_institution'], name='record_report'),
        ),
        # Deleting the tables drops their foreign keys too: no field needs removing first.
        migrations.DeleteModel(name='PartnerCount'),
        migrations.DeleteModel(name='RecordCount'),
    ]
