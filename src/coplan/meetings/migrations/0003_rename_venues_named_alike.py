from django.db import migrations


def rename_venues_named_alike(apps, schema_editor):
    """Venue names were unique only letter for letter ("Town Hall" and "town hall" could
    both be added at the same moment). Before the rule ignores case, the later of two
    such venues gets a number after its name; meetings keep their venue."""
    venue_model = apps.get_model("meetings", "Venue")
    longest = venue_model._meta.get_field("name").max_length
    seen: set[tuple[int, str]] = set()
    for venue in venue_model.objects.order_by("organisation_id", "pk"):
        key = (venue.organisation_id, venue.name.lower())
        if key not in seen:
            seen.add(key)
            continue
        number = 2

        def named(number: int, name: str = venue.name) -> str:
            suffix = f" ({number})"
            return name[: longest - len(suffix)] + suffix

        while (venue.organisation_id, named(number).lower()) in seen or (
            venue_model.objects.filter(
                organisation_id=venue.organisation_id, name__iexact=named(number)
            ).exists()
        ):
            number += 1
        venue.name = named(number)
        venue.save(update_fields=["name"])
        seen.add((venue.organisation_id, venue.name.lower()))


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_invitations_sent_and_reminders"),
    ]

    operations = [
        migrations.RunPython(rename_venues_named_alike, migrations.RunPython.noop),
    ]
