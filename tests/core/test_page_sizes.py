"""The small version of `make bench` (issue 16): for the benchmark organisation at two
sizes, the big project's pages ask as many queries, fetch as many rows, build as many
model objects and draw about as much HTML for the larger as for the smaller. Long lists
show a page at a time; nothing here is timed."""

import pytest
from django.db.models.signals import post_init

from coplan.accounts.models import User
from coplan.core.bench import Size, bench_seed
from coplan.core.measuring import measured
from coplan.meetings.selectors import MEETINGS_PER_PAGE
from coplan.organisations.models import Organisation
from coplan.people.models import Person
from coplan.projects.models import Project

pytestmark = pytest.mark.django_db

PAGES = {
    "overview": "/projects/{project}/",
    "meetings coming up": "/projects/{project}/meetings/",
    "past meetings": "/projects/{project}/meetings/?when=past",
    "one meeting": "/projects/{project}/meetings/{meeting}/",
    "car park": "/projects/{project}/working-together/car-park/",
    "claims": "/projects/{project}/payments/claims/",
    "claims, page 2": "/projects/{project}/payments/claims/?page=2",
    "participants": "/projects/{project}/participants/",
    "one person": "/projects/{project}/participants/{person}/",
    "budget": "/projects/{project}/budget/",
    "project team": "/projects/{project}/people/",
    "plan": "/projects/{project}/plan/",
    "your projects": "/projects/",
}
# The most queries the lead's overview may ask (signing in included), however large the
# project: every app's numbers are read together in one query.
OVERVIEW_QUERIES_AT_MOST = 12
# The overview reads each meeting to come (not their people, papers or paperwork) to say
# how many are short of notice or not ready: its rows grow with those, by one each.
GROWS_BY_MEETINGS_TO_COME = {"overview"}


class _Built:
    """How many model objects are made while it listens."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, sender, **kwargs) -> None:
        self.count += 1


def _measure_pages(client_for, size: Size) -> dict[str, tuple[int, int, int, int]]:
    bench = bench_seed(size)
    client = client_for(bench.leads[0])
    ids = {
        "project": bench.big_project.pk,
        "meeting": bench.found["one_meeting"].pk,
        "person": bench.found["people"][bench.big_project.pk][0],
    }
    found = {}
    for name, path in PAGES.items():
        path = path.format(**ids)
        client.get(path)  # the first visit sets the project's guides up
        built = _Built()
        post_init.connect(built, weak=False)
        try:
            with measured() as measure:
                response = client.get(path)
        finally:
            post_init.disconnect(built)
        assert response.status_code == 200, name
        found[name] = (measure.queries, measure.rows, len(response.content), built.count)
    Project.objects.all().delete()
    Person.objects.all().delete()
    User.objects.all().delete()
    Organisation.objects.all().delete()
    return found


def test_pages_of_a_big_project_cost_what_a_small_ones_do(client_for):
    small_size, large_size = Size.tiny(1), Size.tiny(3)
    small = _measure_pages(client_for, small_size)
    large = _measure_pages(client_for, large_size)

    # The meetings coming up make a model object of each meeting shown and its venue;
    # the people invited, papers and paperwork their checks read are read as values.
    # The rest is the signed-in page's own (session, person, membership, project...).
    assert small["meetings coming up"][3] <= 2 * MEETINGS_PER_PAGE + 10
    assert small["overview"][0] <= OVERVIEW_QUERIES_AT_MOST
    assert large["overview"][0] <= OVERVIEW_QUERIES_AT_MOST
    for name in PAGES:
        (small_queries, small_rows, small_bytes, small_objects) = small[name]
        (large_queries, large_rows, large_bytes, large_objects) = large[name]
        assert large_queries == small_queries, name
        if name in GROWS_BY_MEETINGS_TO_COME:
            grown = large_size.big_upcoming - small_size.big_upcoming
            assert large_rows == small_rows + grown, name
            # Each meeting to come and its venue, nothing else of it.
            assert large_objects <= small_objects + 2 * grown, name
        else:
            assert large_rows == small_rows, name
            assert large_objects == small_objects, name
        # A page of the same length, give or take longer numbers, more page links and
        # claims in other states (three times the data would draw three times the page).
        assert abs(large_bytes - small_bytes) <= 0.15 * small_bytes, (name, small, large)
