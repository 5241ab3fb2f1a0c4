"""Staff pages: making forms, own questions checked for plain words, paper, print, links."""

import io
from collections import Counter

import pytest
from django.core import mail
from pypdf import PdfReader

from coplan.feedback import bank
from coplan.feedback.models import FeedbackForm, FeedbackResponse, HowAnswered, OneTimeLink
from coplan.language import EASY_READ, check
from coplan.projects.roles import Role
from tests.factories import InvolvementFactory
from tests.feedback.conftest import answer
from tests.feedback.factories import FeedbackFormFactory, FeedbackQuestionFactory
from tests.form_controls import control_types, ticked
from tests.notifications.conftest import smtp_server  # noqa: F401 - the real SMTP server

pytestmark = pytest.mark.django_db


def _home(project) -> str:
    return f"/projects/{project.pk}/feedback/"


def _form_url(form) -> str:
    return f"/projects/{form.project_id}/feedback/forms/{form.pk}/"


def _pdf_text(content: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def test_lead_makes_a_closed_box_form_from_the_bank(as_role, project):
    response = as_role(Role.LEAD).post(
        _home(project) + "forms/add/",
        {
            "title": "Feedback on the first workshop",
            "meeting": "",
            "intro": "We want to know what you think.",
            "closed_box": "yes",
            "how_answered": "link",
            "bank_keys": ["how-was-it", "chance-to-take-part", "do-better"],
        },
    )

    form = FeedbackForm.objects.get()
    assert response["Location"] == _form_url(form)
    assert (form.closed_box, form.how_answered, len(form.token) >= 32) == (True, "link", True)
    assert list(form.questions.values_list("easy_read", flat=True)) == [
        "How was the meeting?",
        "Did you get a chance to have your say?",
        "What could be better next time?",
    ]


def test_the_question_bank_is_boxes_to_tick_and_ticked_ones_stay_ticked(as_role, project):
    client = as_role(Role.LEAD)
    page = client.get(_home(project) + "forms/add/").content.decode()

    assert control_types(page, "bank_keys") == Counter(checkbox=len(bank.question_bank()))
    assert len(bank.question_bank()) == 11

    response = client.post(
        _home(project) + "forms/add/",
        {"title": "", "bank_keys": ["how-was-it", "chance-to-take-part", "do-better"]},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert ticked(page, "bank_keys") == {"how-was-it", "chance-to-take-part", "do-better"}
    assert control_types(page, "bank_keys") == Counter(checkbox=11)


def test_a_form_that_keeps_names_is_for_signed_in_members(as_role, project):
    as_role(Role.FACILITATOR).post(
        _home(project) + "forms/add/",
        {"title": "Named", "intro": "Tell us.", "closed_box": "no", "bank_keys": ["went-well"]},
    )

    assert FeedbackForm.objects.get().how_answered == HowAnswered.MEMBERS


def test_making_a_form_with_nothing_filled_in_says_what_is_missing(as_role, project):
    response = as_role(Role.LEAD).post(_home(project) + "forms/add/", {"intro": ""})

    page = response.content.decode()
    assert response.status_code == 400
    for message in (
        "Enter what the form is called",
        "Enter why you are asking and what will happen to the answers",
        "Select whether the form is a closed box",
    ):
        assert message in page


def test_own_question_wording_is_checked_before_it_is_saved(as_role, closed_box):
    url = _form_url(closed_box) + "questions/add/"
    words = {
        "kind": "yes_no",
        "standard": "Did the facilitator utilise a person-centred approach?",
        "easy_read": "Was the session person-centred?",
    }
    FeedbackResponse.objects.all().delete()

    checked = as_role(Role.LEAD).post(url, words)
    kept = as_role(Role.LEAD).post(url, {**words, "keep_wording": "yes"})

    page = checked.content.decode()
    assert checked.status_code == 200
    assert "The wording check has some suggestions" in page
    assert "utilise" in page
    assert kept.status_code == 302
    assert closed_box.questions.last().standard == words["standard"]


def test_plain_own_question_is_saved_straight_away(as_role, closed_box):
    response = as_role(Role.LEAD).post(
        _form_url(closed_box) + "questions/add/",
        {"kind": "feeling", "standard": "How was the lunch?", "easy_read": "How was the lunch?"},
    )

    assert response.status_code == 302
    assert closed_box.questions.count() == 3


def test_questions_cannot_change_once_people_answered(as_role, closed_box):
    answer(closed_box)

    response = as_role(Role.LEAD).post(
        _form_url(closed_box) + "questions/add/",
        {"kind": "feeling", "standard": "How was the lunch?", "easy_read": "How was the lunch?"},
    )

    assert response.status_code == 400
    assert "cannot change" in response.content.decode()


def test_paper_form_is_typed_in_and_marked_as_paper(as_role, closed_box):
    feeling, said = closed_box.questions.all()

    response = as_role(Role.FACILITATOR).post(
        _form_url(closed_box) + "type-in/",
        {f"question_{feeling.pk}": "okay", f"question_{said.pk}": "Written on paper"},
    )

    row = FeedbackResponse.objects.get()
    assert response.status_code == 302
    assert (row.on_paper, row.typed_in_by, row.respondent) == (True, None, None)


def test_form_page_shows_the_link_and_a_qr_code(as_role, closed_box):
    page = as_role(Role.MANAGER).get(_form_url(closed_box)).content.decode()

    assert f"/feedback/{closed_box.token}/" in page
    assert f'<svg role="img" aria-label="QR code for the link to {closed_box.title}"' in page


def test_new_link_stops_the_old_one(as_role, client, closed_box):
    old = closed_box.token

    as_role(Role.LEAD).post(_form_url(closed_box) + "new-link/")

    closed_box.refresh_from_db()
    assert closed_box.token != old
    assert client.get(f"/feedback/{old}/").status_code == 404


def test_standard_form_prints_with_its_questions_and_link(as_role, closed_box):
    response = as_role(Role.LEAD).get(_form_url(closed_box) + "print/")

    text = _pdf_text(response.content)
    assert response["Content-Type"] == "application/pdf"
    assert closed_box.title in text
    assert "1. Overall, how was the meeting for you?" in text
    assert "Not good" in text
    assert "This is a closed box. Do not write your name." in text
    assert "You can fill this in online instead" in text


def test_easy_read_form_prints_one_sentence_a_line_with_words_for_each_picture(as_role, closed_box):
    response = as_role(Role.LEAD).get(_form_url(closed_box) + "print/easy-read/")

    text = _pdf_text(response.content)
    assert "Question 1. How was the meeting?" in text
    assert "Good. Tick the box." in text
    assert "Not good. Tick the box." in text
    assert "Question 2. What could be better next time?" in text
    assert "Write or draw your answer in the box." in text
    assert "Picture to choose" not in text


def test_one_time_links_print_as_slips_and_keep_only_hashes(as_role, project):
    form = FeedbackFormFactory(project=project, how_answered=HowAnswered.ONE_TIME)
    FeedbackQuestionFactory(form=form)

    response = as_role(Role.LEAD).post(_form_url(form) + "one-time-links/", {"count": "3"})

    text = _pdf_text(response.content)
    assert text.count("It works once.") == 3
    assert OneTimeLink.objects.count() == 3
    stored = set(OneTimeLink.objects.values_list("token_hash", flat=True))
    assert not any(token_hash in text for token_hash in stored)


@pytest.mark.parametrize("count", ["", "0", "501", "lots", "2.5", "1e3"])
def test_bad_number_of_links_gets_a_message(as_role, project, count):
    form = FeedbackFormFactory(project=project, how_answered=HowAnswered.ONE_TIME)

    response = as_role(Role.LEAD).post(_form_url(form) + "one-time-links/", {"count": count})

    assert response.status_code == 400
    assert "govuk-error-message" in response.content.decode()
    assert OneTimeLink.objects.count() == 0


def test_one_time_links_are_emailed_to_each_person(
    as_role, project, django_capture_on_commit_callbacks
):
    form = FeedbackFormFactory(project=project, how_answered=HowAnswered.ONE_TIME)
    InvolvementFactory(project=project, person__email="sam@example.org")
    InvolvementFactory(project=project, person__email="")

    with django_capture_on_commit_callbacks(execute=True):
        response = as_role(Role.LEAD).post(_form_url(form) + "one-time-links/", {"email": "yes"})

    [message] = mail.outbox
    assert response.status_code == 302
    assert message.to == ["sam@example.org"]
    assert "This is your own link. It works once:" in message.body
    assert OneTimeLink.objects.count() == 1
    assert "sam@example.org" not in repr(list(OneTimeLink.objects.values()))


def test_co_producer_sees_no_forms_but_sees_you_said_we_did(as_role, project):
    client = as_role(Role.CO_PRODUCER)

    assert client.get(_home(project) + "forms/").status_code == 403
    home = client.get(_home(project)).content.decode()
    assert '<h2 class="govuk-heading-m">Feedback forms</h2>' not in home
    assert "Give feedback" in home
    assert "Closing the loop" in home


def test_one_time_form_pages_show_counts_and_no_shared_link(as_role, project):
    form = FeedbackFormFactory(project=project, how_answered=HowAnswered.ONE_TIME)
    FeedbackQuestionFactory(form=form)
    InvolvementFactory(project=project, person__email="sam@example.org")
    client = as_role(Role.LEAD)

    links_page = client.get(_form_url(form) + "one-time-links/").content.decode()
    form_page = client.get(_form_url(form)).content.decode()
    qr = client.get(_form_url(form) + "qr-code.svg")

    assert "1 person in the project has an email address." in links_page
    assert "0 made so far, 0 not used yet." in form_page
    assert f"/feedback/{form.token}/" not in form_page
    assert qr.status_code == 404


def test_qr_code_downloads_as_an_svg_picture(as_role, closed_box):
    response = as_role(Role.LEAD).get(_form_url(closed_box) + "qr-code.svg")

    body = response.content.decode()
    assert response["Content-Type"] == "image/svg+xml"
    assert body.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns=')
    assert 'role="img" aria-label="QR code for ' in body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"you_said": "x" * 1001, "status": "working_on_it"},
            "What people said must be 1,000 characters or fewer",
        ),
        (
            {"you_said": "Hot\x1b room", "status": "working_on_it"},
            "What people said must not contain hidden or control characters",
        ),
        ({"you_said": "Hot room", "status": "finished"}, "Select what is happening with it"),
        (
            {"you_said": "Hot room", "status": "working_on_it", "form": "999999"},
            "Select a feedback form from the list",
        ),
    ],
)
def test_you_said_we_did_bad_input_gets_a_message(as_role, project, data, message):
    response = as_role(Role.LEAD).post(f"/projects/{project.pk}/you-said-we-did/add/", data)

    assert response.status_code == 400
    assert message in response.content.decode()


def test_form_title_with_control_characters_gets_a_message(as_role, project):
    response = as_role(Role.LEAD).post(
        _home(project) + "forms/add/",
        {"title": "Feed\x00back", "intro": "Tell us.", "closed_box": "yes", "how_answered": "link"},
    )

    assert response.status_code == 400
    assert "must not contain hidden or control characters" in response.content.decode()
    assert FeedbackForm.objects.count() == 0


def test_form_about_a_meeting_of_another_project_is_refused(as_role, project):
    from tests.factories import MeetingFactory

    own, other = MeetingFactory(project=project), MeetingFactory()
    data = {
        "title": "About a meeting",
        "intro": "Tell us.",
        "closed_box": "yes",
        "how_answered": "link",
    }

    refused = as_role(Role.LEAD).post(
        _home(project) + "forms/add/", {**data, "meeting": str(other.pk)}
    )
    made = as_role(Role.LEAD).post(_home(project) + "forms/add/", {**data, "meeting": str(own.pk)})

    assert refused.status_code == 400
    assert "Select a meeting from the list" in refused.content.decode()
    assert made.status_code == 302
    assert FeedbackForm.objects.get().meeting == own


def test_staff_see_a_link_to_their_organisation_lessons(as_role, client_for, project, group):
    from tests.factories import StaffMembershipFactory

    StaffMembershipFactory(organisation=project.organisation, user=group[Role.LEAD].user)

    lead_page = as_role(Role.LEAD).get(f"/projects/{project.pk}/lessons/").content.decode()
    co_producer_page = (
        as_role(Role.CO_PRODUCER).get(f"/projects/{project.pk}/lessons/").content.decode()
    )

    assert "Lessons from all your organisation’s projects" in lead_page
    assert "Lessons from all your organisation’s projects" not in co_producer_page


def test_easy_read_form_s_opening_lines_get_their_picture_and_its_credit(as_role, project):
    about_meeting = FeedbackFormFactory(
        project=project, intro="Tell us what you thought of the meeting on 4 March."
    )
    FeedbackQuestionFactory(form=about_meeting)
    no_topic = FeedbackFormFactory(project=project, intro="We would love to hear from you.")
    FeedbackQuestionFactory(form=no_topic)

    with_picture = _pdf_text(
        as_role(Role.LEAD).get(_form_url(about_meeting) + "print/easy-read/").content
    )
    without = _pdf_text(as_role(Role.LEAD).get(_form_url(no_topic) + "print/easy-read/").content)

    assert "Tell us what you thought of the meeting on 4 March." in with_picture
    assert "Pictures: OpenMoji, the open-source emoji project, CC BY-SA 4.0" in with_picture
    assert "We would love to hear from you." in without
    assert "OpenMoji" not in without


def test_someone_who_asked_for_easy_read_gets_their_one_time_link_in_easy_read(
    as_role,
    project,
    django_capture_on_commit_callbacks,
    smtp_server,  # noqa: F811 - the real SMTP server
):
    form = FeedbackFormFactory(
        project=project, how_answered=HowAnswered.ONE_TIME, title="The bus day", closed_box=True
    )
    InvolvementFactory(
        project=project, person__email="jo@example.org", person__formats=["easy_read"]
    )

    with django_capture_on_commit_callbacks(execute=True):
        as_role(Role.LEAD).post(_form_url(form) + "one-time-links/", {"email": "yes"})

    body = smtp_server.body_to("jo@example.org").replace("\r\n", "\n")
    lines = [line for line in body.splitlines() if line]
    assert lines[:4] == [
        "Hello.",
        "Please tell us what you think.",
        "The form is called The bus day.",
        "Use this link:",
    ]
    assert lines[5:] == [
        "The link is just for you.",
        "It works 1 time.",
        "We do not keep your name.",
        "Thank you.",
    ]
    fixed = [line for line in lines if "http" not in line]
    assert [f.text for f in check("\n".join(fixed), mode=EASY_READ).findings] == []
