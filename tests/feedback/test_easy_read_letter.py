"""The lead previews, changes and approves the Easy Read "you said, we did" letter
before it goes; what was sent is kept as sent (issue 15)."""

import pytest
from django.core import mail
from django.db import connection
from django.db.models import RestrictedError
from django.test.utils import CaptureQueriesContext

from coplan.feedback import selectors, services
from coplan.feedback.models import YouSaidWeDidSent
from coplan.plain_words import selectors as easy_read_selectors
from coplan.plain_words.models import EasyReadVersion
from coplan.projects.roles import Role
from tests.documents import assert_accessible_pdf, in_order, pdf_text
from tests.factories import InvolvementFactory
from tests.feedback.factories import YouSaidWeDidFactory
from tests.plain_words.easy_read_support import line_number, post_line

pytestmark = pytest.mark.django_db

BUS = "1F68C"  # the bank's bus: "A bus"


def _url(project, rest: str = "") -> str:
    return f"/projects/{project.pk}/you-said-we-did/{rest}"


def _entries(project):
    return selectors.you_said_we_did_entries(project=project, published_only=True)


def _state(project):
    _, state = selectors.you_said_we_did_easy_read_state(project=project, entries=_entries(project))
    return state


def _line_number(project, starts: str) -> int:
    return line_number(_state(project), starts)


def _change(client, project, starts, **fields):
    number = _line_number(project, starts)
    return post_line(client, _url(project, "send/easy-read/lines/"), number, **fields)


def _publish(project, you_said="The room was too hot.", we_did="We booked a cooler room."):
    return YouSaidWeDidFactory(
        project=project,
        you_said=you_said,
        we_did=we_did,
        status="done",
        published_at="2027-01-01T10:00Z",
    )


def _easy_read_by_email(project, name="Ema Easy"):
    return InvolvementFactory(
        project=project,
        person__full_name=name,
        person__email="ema@example.org",
        person__contact_by="email",
        person__formats=["easy_read"],
    ).person


def _easy_read_by_post(project, name="Paul Easy"):
    return InvolvementFactory(
        project=project,
        person__full_name=name,
        person__email="",
        person__address="2 Mill Lane\nOxford",
        person__contact_by="post",
        person__formats=["easy_read"],
    ).person


@pytest.fixture
def published(project):
    _publish(project)
    return project


def test_the_easy_read_letter_page_shows_each_line_with_its_picture_and_a_way_to_change_it(
    as_role, published
):
    page = as_role(Role.LEAD).get(_url(published, "send/easy-read/")).content.decode()

    assert "Check the Easy Read version" in page
    assert "The Easy Read letter, line by line" in page
    assert "Thank you for telling us what you think." in page
    assert "The room was too hot." in page
    assert "We booked a cooler room." in page
    assert 'Change<span class="govuk-visually-hidden"> line 1</span>' in page
    assert "Approve the Easy Read version" in page
    assert "Picture to choose" not in page


def test_only_people_who_may_send_see_the_easy_read_letter(as_role, published):
    for role in (Role.CO_PRODUCER, Role.FACILITATOR):
        assert as_role(role).get(_url(published, "send/easy-read/")).status_code == 403


def test_the_lead_changes_a_sentence_and_its_picture(as_role, published):
    client = as_role(Role.LEAD)

    response = _change(
        client, published, "The room was too hot.", words="The room was hot.", picture=BUS
    )

    assert response.status_code == 302
    line = _state(published).lines[_line_number(published, "The room was too hot.") - 1]
    assert (line.words, line.picture) == ("The room was hot.", BUS)
    page = client.get(_url(published, "send/easy-read/")).content.decode()
    assert "The room was hot." in page
    assert 'alt="A bus"' in page


def test_the_send_page_asks_for_the_easy_read_letter_to_be_checked_first(
    as_role, published, django_capture_on_commit_callbacks
):
    _easy_read_by_email(published)
    client = as_role(Role.LEAD)

    page = client.get(_url(published, "send/")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(published, "send/"), follow=True)

    assert "1 person asked for Easy Read. Check the Easy Read version and approve it" in page
    assert f'href="{_url(published, "send/easy-read/")}"' in page
    assert "Send to everyone involved" not in page
    assert "Check the Easy Read version and approve it before it is sent" in (
        response.content.decode()
    )
    assert mail.outbox == []
    assert not YouSaidWeDidSent.objects.exists()


def test_the_send_page_says_which_lines_have_no_picture(as_role, published):
    _easy_read_by_post(published)
    client = as_role(Role.LEAD)
    _change(client, published, "We booked a cooler room.", words="We found a cool room.")

    page = client.get(_url(published, "send/")).content.decode()

    without = easy_read_selectors.lines_without_picture(_state(published))
    assert "We found a cool room." in without
    assert f"In the Easy Read version, {len(without)} line" in page
    assert "<li>We found a cool room.</li>" in page


def test_nobody_asking_for_easy_read_needs_no_approval(as_role, published):
    InvolvementFactory(project=published, person__email="sam@example.org")

    page = as_role(Role.LEAD).get(_url(published, "send/")).content.decode()

    assert "Easy Read</h2>" not in page
    assert "Send to everyone involved" in page


def test_the_emailed_and_printed_letters_have_the_approved_sentence_and_are_kept_as_sent(
    as_role, published, django_capture_on_commit_callbacks
):
    _easy_read_by_email(published)
    by_post = _easy_read_by_post(published)
    client = as_role(Role.LEAD)
    _change(client, published, "The room was too hot.", words="It was too hot in the room.")
    client.post(_url(published, "send/easy-read/approve/"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(published, "send/"))

    (message,) = mail.outbox
    assert "It was too hot in the room." in message.body
    assert "The room was too hot." not in message.body
    (_, pdf, kind) = message.attachments[0]
    assert kind == "application/pdf"
    assert "It was too hot in the room." in " ".join(pdf_text(pdf).split())
    sent = YouSaidWeDidSent.objects.filter(easy_read=True)
    (version_id,) = {row.easy_read_version_id for row in sent}  # both sent the same one
    version = EasyReadVersion.objects.get(pk=version_id)
    assert version.sent_at is not None
    letters = client.get(_url(published, "letters.pdf"))
    assert_accessible_pdf(letters.content, title=f"You said, we did: {published.name}")
    text = " ".join(pdf_text(letters.content).split())
    assert in_order(text, by_post.full_name, "2 Mill Lane Oxford", "It was too hot in the room.")
    assert "The room was too hot." not in text
    assert "Picture to choose" not in text


def test_a_change_after_sending_makes_a_new_version_and_the_letter_stays_as_sent(
    as_role, published, django_capture_on_commit_callbacks
):
    _easy_read_by_post(published)
    client = as_role(Role.LEAD)
    _change(client, published, "The room was too hot.", words="It was too hot in the room.")
    client.post(_url(published, "send/easy-read/approve/"))
    client.post(_url(published, "send/"))
    sent_version = YouSaidWeDidSent.objects.get().easy_read_version

    _change(client, published, "The room was too hot.", words="It was very hot.")

    sent_version.refresh_from_db()
    assert sent_version.lines == EasyReadVersion.objects.get(pk=sent_version.pk).lines
    assert "It was too hot in the room." in [line["words"] for line in sent_version.lines]
    assert _state(published).latest.pk != sent_version.pk
    assert not _state(published).approved
    text = " ".join(pdf_text(client.get(_url(published, "letters.pdf")).content).split())
    assert "It was too hot in the room." in text
    assert "It was very hot." not in text
    with pytest.raises(RestrictedError):
        sent_version.delete()


def test_publishing_more_after_approving_asks_to_check_the_letter_again(as_role, published):
    _easy_read_by_email(published)
    client = as_role(Role.LEAD)
    _change(client, published, "The room was too hot.", words="It was too hot in the room.")
    client.post(_url(published, "send/easy-read/approve/"))

    _publish(published, you_said="The chairs hurt.", we_did="We got soft chairs.")

    easy_read_page = client.get(_url(published, "send/easy-read/")).content.decode()
    send_page = client.get(_url(published, "send/")).content.decode()
    assert "The letter has changed since its Easy Read version was approved" in easy_read_page
    assert "It was too hot in the room." in easy_read_page  # the change to a line kept
    assert "We got soft chairs." in easy_read_page
    assert "The letter has changed since its Easy Read version was approved" in send_page
    assert "Send to everyone involved" not in send_page
    with pytest.raises(services.FeedbackError):
        services.you_said_we_did_send(
            project=published,
            people=selectors.people_involved(project=published),
            entries=_entries(published),
            by=None,
        )


def test_the_easy_read_letter_prints_as_it_will_go(as_role, published):
    response = as_role(Role.LEAD).get(_url(published, "send/easy-read/print/"))

    assert response["Content-Type"] == "application/pdf"
    read = assert_accessible_pdf(response.content, title=f"You said, we did: {published.name}")
    assert all(figure.alt for figure in read.figures())
    assert "The room was too hot." in " ".join(pdf_text(response.content).split())


def _queries(client, path: str) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["send/easy-read/", "send/easy-read/lines/1/", "send/"])
def test_the_easy_read_letter_pages_do_a_fixed_number_of_queries(as_role, project, name):
    _publish(project)
    _easy_read_by_email(project)
    client = as_role(Role.LEAD)
    one = _queries(client, _url(project, name))
    for n in range(10):
        _publish(project, you_said=f"Idea {n} was good.", we_did=f"We did idea {n}.")
        _easy_read_by_post(project, name=f"Person {n}")

    assert _queries(client, _url(project, name)) == one


def test_there_is_no_easy_read_letter_before_anything_is_published(as_role, project):
    YouSaidWeDidFactory(project=project)  # not published

    client = as_role(Role.LEAD)

    assert client.get(_url(project, "send/easy-read/")).status_code == 404
    assert client.get(_url(project, "send/easy-read/lines/1/")).status_code == 404


def test_a_project_with_a_sent_easy_read_letter_can_still_be_deleted(as_role, published):
    _easy_read_by_post(published)
    client = as_role(Role.LEAD)
    client.post(_url(published, "send/easy-read/approve/"))
    client.post(_url(published, "send/"))
    assert YouSaidWeDidSent.objects.get().easy_read_version is not None

    published.delete()

    assert not EasyReadVersion.objects.exists()
    assert not YouSaidWeDidSent.objects.exists()
