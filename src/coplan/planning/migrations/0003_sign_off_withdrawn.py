# The lead may withdraw a request the manager has not answered: a third decision.

from importlib import import_module

from django.db import migrations, models

# SQLite changes a check constraint by copying the table, which drops its triggers: the
# trigger that keeps versions frozen (0002) is made again on the new table (and, going
# back, on the table as 0002 left it).
versions = import_module("coplan.planning.migrations.0002_sign_off_versions")
DROP = "DROP TRIGGER IF EXISTS planning_sign_off_version_frozen;"


def _sqlite(sql: str):
    return versions._run({"sqlite": sql})


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0002_sign_off_versions"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, _sqlite(versions.SQLITE)),
        migrations.RemoveConstraint(
            model_name="signoffversion",
            name="planning_sign_off_decision_known",
        ),
        migrations.AlterField(
            model_name="signoffversion",
            name="decision",
            field=models.CharField(
                blank=True,
                choices=[
                    ("approved", "Signed off"),
                    ("changes", "Changes asked for"),
                    ("withdrawn", "Withdrawn"),
                ],
                default="",
                max_length=20,
            ),
        ),
        migrations.AddConstraint(
            model_name="signoffversion",
            constraint=models.CheckConstraint(
                condition=models.Q(("decision__in", ["", "approved", "changes", "withdrawn"])),
                name="planning_sign_off_decision_known",
            ),
        ),
        migrations.RunPython(_sqlite(DROP), migrations.RunPython.noop),
        migrations.RunPython(_sqlite(versions.SQLITE), _sqlite(DROP)),
    ]
