from django.db import migrations


def rename_groups_named_alike(apps, schema_editor):
    """Group names were unique only letter for letter ("Carers" and "carers" could both
    be added at the same moment). Before the rule ignores case, the later of two such
    groups gets a number after its name, so nothing about them is lost."""
    group_model = apps.get_model("people", "StakeholderGroup")
    longest = group_model._meta.get_field("name").max_length
    seen: set[tuple[int, str]] = set()
    for group in group_model.objects.order_by("project_id", "pk"):
        key = (group.project_id, group.name.lower())
        if key not in seen:
            seen.add(key)
            continue
        number = 2

        def named(number: int, name: str = group.name) -> str:
            suffix = f" ({number})"
            return name[: longest - len(suffix)] + suffix

        while (group.project_id, named(number).lower()) in seen or (
            group_model.objects.filter(
                project_id=group.project_id, name__iexact=named(number)
            ).exists()
        ):
            number += 1
        group.name = named(number)
        group.save(update_fields=["name"])
        seen.add((group.project_id, group.name.lower()))


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_alter_auditentry_action"),
    ]

    operations = [
        migrations.RunPython(rename_groups_named_alike, migrations.RunPython.noop),
    ]
