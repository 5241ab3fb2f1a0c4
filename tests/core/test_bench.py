"""The benchmark organisation (`manage.py bench_seed`, issue 16) and the counts the
benchmark reads (`coplan.core.measuring`)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from coplan.accounts.models import User
from coplan.core.bench import Size, bench_seed
from coplan.core.measuring import measured
from coplan.meetings.models import InvitedPerson, Meeting
from coplan.organisations.models import Organisation
from coplan.payments.models import Claim
from coplan.people.models import Involvement, Person
from coplan.projects.models import Project
from coplan.working_together.models import CarParkItem

pytestmark = pytest.mark.django_db


def test_bench_seed_makes_the_organisation_of_the_size_asked():
    size = Size.tiny()

    bench = bench_seed(size)

    big = bench.big_project
    assert Project.objects.filter(organisation=bench.organisation).count() == size.projects
    assert Person.objects.count() == size.people
    assert Involvement.objects.filter(project=big).count() == size.big_participants
    assert Meeting.objects.filter(project=big).count() == size.big_meetings
    assert CarParkItem.objects.filter(project=big).count() == size.big_car_park
    assert Claim.objects.filter(project=big).count() == size.big_claims
    assert InvitedPerson.objects.filter(meeting=bench.found["one_meeting"]).count() == (
        size.one_meeting_invited
    )


def test_bench_seed_is_the_same_every_time():
    def names():
        bench_seed(Size.tiny())
        found = list(Person.objects.order_by("pk").values_list("full_name", flat=True))
        Project.objects.all().delete()
        Person.objects.all().delete()
        User.objects.all().delete()
        return found

    first = names()
    Organisation.objects.all().delete()

    assert names() == first


def test_bench_seed_command_says_how_to_sign_in_and_what_to_open():
    out = StringIO()

    call_command("bench_seed", "--tiny", stdout=out, stderr=StringIO())

    seed = json.loads(out.getvalue())
    lead = User.objects.get(email=seed["leads"][0])
    assert lead.check_password(seed["password"])
    assert Meeting.objects.filter(project_id=seed["project"], pk=seed["meeting"]).exists()
    # The finance officer whose token reads the organisation's queue: finance everywhere.
    finance = User.objects.get(email=seed["finance"])
    assert finance.check_password(seed["password"])
    roles = set(finance.project_memberships.values_list("role", flat=True))
    assert roles == {"finance"}
    assert (
        finance.project_memberships.count()
        == Project.objects.filter(organisation_id=seed["organisation"]).count()
    )


def test_measured_counts_queries_and_rows_fetched():
    bench_seed(Size.tiny())

    with measured() as measure:
        list(Person.objects.all()[:7])
        Person.objects.count()

    assert (measure.queries, measure.rows) == (2, 8)
