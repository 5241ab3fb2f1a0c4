"""A large project's whole plan is made as a file by the background worker (the real
`db_worker`), with how far it has got shown until it can be downloaded; one at a time
for each plan, version and format; only for those who may read it; kept a day. A small
plan downloads straight away."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from coplan.guides import services
from coplan.guides.models import PlanDownload, PlanDownloadStatus
from coplan.guides.whole_plan import progress_words
from coplan.projects.roles import Role
from tests.documents import assert_accessible_pdf, docx_headings, pdf_text, read_docx
from tests.factories import InvolvementFactory, MeetingFactory, MembershipFactory
from tests.feedback.factories import YouSaidWeDidFactory
from tests.notifications.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

START = "/projects/{}/plan/whole/downloads/"


@pytest.fixture
def large(settings, project):
    """A project whose plan counts as large: 3 people taking part and a meeting."""
    settings.PLAN_IN_BACKGROUND_FROM = 4
    project.name = "Day centre menus"
    project.save()
    for _ in range(3):
        InvolvementFactory(project=project)
    MeetingFactory(project=project, title="Menu tasting")
    YouSaidWeDidFactory(
        project=project, you_said="Too much salt", we_did="Less salt",
        published_at=datetime.datetime(2027, 1, 5, tzinfo=datetime.UTC),
    )  # fmt: skip
    return project


def _start(client, project, version="staff", file_format="pdf", **more):
    return client.post(
        START.format(project.pk), {"version": version, "file_format": file_format, **more}
    )


def _download() -> PlanDownload:
    return PlanDownload.objects.get()


def test_a_small_plan_downloads_straight_away(client_for, project, lead):
    page = client_for(lead).get(f"/projects/{project.pk}/plan/whole/").content.decode()
    response = client_for(lead).get(f"/projects/{project.pk}/plan/whole/plan.pdf")

    assert f'href="/projects/{project.pk}/plan/whole/plan.pdf"' in page
    assert "Download the plan as a PDF\n</button>" not in page
    assert response["Content-Type"] == "application/pdf"
    assert PlanDownload.objects.count() == 0


def test_a_large_plan_offers_buttons_that_make_it_in_the_background(client_for, large, lead):
    page = client_for(lead).get(f"/projects/{large.pk}/plan/whole/").content.decode()

    assert "This plan is large" in page
    assert f'action="{START.format(large.pk)}"' in page
    assert f'href="/projects/{large.pk}/plan/whole/plan.pdf"' not in page
    assert "Download the plan as a PDF\n</button>" in page


def test_the_worker_makes_it_while_the_page_shows_how_far_it_has_got(client_for, large, lead):
    client = client_for(lead)

    started = _start(client, large)

    download = _download()
    progress = f"/projects/{large.pk}/plan/whole/downloads/{download.pk}/"
    assert started["Location"] == progress
    waiting = client.get(progress).content.decode()
    assert "Making the plan as a PDF" in waiting
    assert 'role="status"' in waiting
    assert f'hx-get="{progress}" hx-trigger="every 2s"' in waiting
    assert "Waiting to start" in waiting
    assert f'href="{progress}">Check if it is ready' in waiting
    polled = client.get(progress, headers={"HX-Request": "true"})
    assert polled.status_code == 200
    assert "Waiting to start" in polled.content.decode()

    run_worker()

    download.refresh_from_db()
    assert download.status == PlanDownloadStatus.READY
    assert download.parts_done == download.parts_total
    ready = client.get(progress).content.decode()
    assert "The PDF is ready" in ready
    assert "hx-get" not in ready
    assert client.get(progress, headers={"HX-Request": "true"}).status_code == 286
    file = client.get(progress + "file")
    assert file["Content-Type"] == "application/pdf"
    assert 'filename="day-centre-menus-plan.pdf"' in file["Content-Disposition"]
    assert_accessible_pdf(file.content, title="Day centre menus: the whole plan")
    assert "Answers to the guides" in pdf_text(file.content)


def test_the_progress_counts_the_parts(client_for, large, lead):
    _start(client_for(lead), large, "participants", "docx")
    download = _download()

    services.plan_download_make(download_id=download.pk)

    download.refresh_from_db()
    assert download.parts_total == len(download.parts) + 1
    assert download.parts_done == download.parts_total
    assert services.plan_download_make(download_id=download.pk) is None  # made once
    partly = PlanDownload(status="making", parts_done=2, parts_total=9)
    assert progress_words(partly, "PDF") == "Putting the plan together: 2 of 8 parts done."
    partly.parts_done = 8
    assert progress_words(partly, "PDF") == "All 8 parts are done. Making the PDF file."


def test_the_versions_for_everyone_are_made_in_word_too(client_for, large, member_of):
    co_producer = client_for(member_of(Role.CO_PRODUCER))

    _start(co_producer, large, "easy_read", "docx")
    run_worker()

    file = co_producer.get(START.format(large.pk) + f"{_download().pk}/file")
    headings = docx_headings(read_docx(file.content))
    assert headings[0] == ("Heading 1", "Day centre menus: the plan in Easy Read")
    assert ("Heading 2", "You said, we did") in headings


def test_one_at_a_time_for_each_plan_version_and_format(client_for, large, lead, member_of):
    first = _start(client_for(lead), large)
    second = _start(client_for(member_of(Role.MANAGER)), large)
    other_format = _start(client_for(lead), large, file_format="docx")

    assert first["Location"] == second["Location"]
    assert other_format["Location"] != first["Location"]
    assert PlanDownload.objects.count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanDownload.objects.create(
            project=large, version="staff", file_format="pdf", file_name="again.pdf"
        )
    run_worker()
    assert _start(client_for(lead), large)["Location"] != first["Location"]


def test_only_members_who_may_read_it_can_open_it(client_for, large, lead, member_of):
    _start(client_for(lead), large)  # the staff version, with every part a lead may read
    run_worker()
    address = START.format(large.pk) + f"{_download().pk}/"
    elsewhere = MembershipFactory(role=Role.LEAD).user

    assert client_for(member_of(Role.CO_PRODUCER)).get(address).status_code == 403
    assert client_for(member_of(Role.CO_PRODUCER)).get(address + "file").status_code == 403
    # Finance may not read the feedback, which the lead's plan holds.
    assert client_for(member_of(Role.FINANCE)).get(address + "file").status_code == 403
    assert client_for(member_of(Role.MANAGER)).get(address + "file").status_code == 200
    assert client_for(elsewhere).get(address).status_code == 404
    assert (
        client_for(member_of(Role.CO_PRODUCER))
        .post(START.format(large.pk), {"version": "staff", "file_format": "pdf"})
        .status_code
        == 403
    )


def test_a_co_producer_opens_the_version_for_everyone_a_lead_asked_for(
    client_for, large, lead, member_of
):
    _start(client_for(lead), large, "participants")
    run_worker()

    file = client_for(member_of(Role.CO_PRODUCER)).get(
        START.format(large.pk) + f"{_download().pk}/file"
    )

    assert file.status_code == 200
    assert_accessible_pdf(file.content, title="Day centre menus: the plan for everyone taking part")


def test_it_is_removed_after_a_day(client_for, large, lead):
    _start(client_for(lead), large)
    run_worker()
    download = _download()
    address = START.format(large.pk) + f"{download.pk}/"

    removal = DBTaskResult.objects.get(
        task_path="coplan.guides.tasks.plan_downloads_remove_task",
        status=TaskResultStatus.READY,
    )
    assert removal.run_after > timezone.now() + datetime.timedelta(hours=23)
    assert services.plan_downloads_remove_old() == 0
    PlanDownload.objects.update(asked_at=timezone.now() - datetime.timedelta(hours=25))
    assert client_for(lead).get(address).status_code == 404
    assert services.plan_downloads_remove_old() == 1
    assert PlanDownload.objects.count() == 0


def test_a_file_that_could_not_be_made_says_so(client_for, large, lead, member_of):
    manager = member_of(Role.MANAGER)
    _start(client_for(manager), large, "participants")
    large.memberships.filter(user=manager).delete()  # they left before it was made

    run_worker()

    download = _download()
    assert download.status == PlanDownloadStatus.FAILED
    page = client_for(lead).get(START.format(large.pk) + f"{download.pk}/").content.decode()
    assert "Sorry, the PDF could not be made." in page
    assert "hx-get" not in page
