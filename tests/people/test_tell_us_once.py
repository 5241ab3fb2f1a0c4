"""Tell us once: a short question-by-question flow for your own access needs, papers,
contact and consent, then "Check your answers" and Save (GOV.UK question pages)."""

import html
import re

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.language import check
from coplan.people import selectors
from coplan.people.models import AuditEntry, ConsentRecord, Person
from coplan.projects.models import Membership
from coplan.projects.roles import Role
from tests.factories import InvolvementFactory, MembershipFactory, ProjectFactory
from tests.people.conftest import give_needs

pytestmark = pytest.mark.django_db

QUESTIONS = [
    "getting-there",
    "communication",
    "food-and-drink",
    "reminders",
    "other-support",
    "papers",
    "contact",
    "keeping-your-details",
]


def _url(project, question=None, **query) -> str:
    base = f"/projects/{project.pk}/tell-us-once/"
    path = base + (f"{question}/" if question else "")
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _check_url(project) -> str:
    return _url(project, "check-your-answers")


def _page(response) -> str:
    return response.content.decode()


def _checked(page: str) -> set[str]:
    return set(re.findall(r'value="([^"]+)" checked', page))


@pytest.fixture
def co_producer(member_of):
    return member_of(Role.CO_PRODUCER)


@pytest.fixture
def client(client_for, co_producer):
    return client_for(co_producer)


def test_start_page_says_why_we_ask_and_offers_start_or_not_now(client, project):
    page = _page(client.get(_url(project)))

    assert "Tell us what you need to take part" in page
    assert f'href="{_url(project, "getting-there")}"' in page
    assert ">Start<" in page.replace("\n", "").replace("  ", "")
    assert "Not now" in page


def test_each_question_keeps_its_answer_when_you_come_back_to_it(client, project):
    sent = client.post(
        _url(project, "getting-there"),
        {"mobility": ["step_free", "parking"], "mobility_notes": "A ramp at the side"},
    )

    again = _page(client.get(_url(project, "getting-there")))

    assert sent.headers["Location"] == _url(project, "communication")
    assert _checked(again) == {"step_free", "parking"}
    assert "A ramp at the side" in again


def test_each_page_has_continue_skip_and_a_back_link_to_the_question_before(client, project):
    page = _page(client.get(_url(project, "food-and-drink")))

    assert "Continue" in page
    assert f'<a class="govuk-link" href="{_url(project, "reminders")}">Skip this question</a>' in (
        page
    )
    assert f'<a href="{_url(project, "communication")}" class="govuk-back-link">' in page


def test_nothing_is_saved_until_you_press_save(client, project, co_producer):
    client.post(_url(project, "food-and-drink"), {"dietary": ["vegan"]})

    assert not Person.objects.filter(user=co_producer).exclude(needs_token="").exists()
    assert AuditEntry.objects.filter(action="changed_needs").count() == 0


def test_answers_kept_between_pages_are_encrypted(client, project):
    client.post(_url(project, "food-and-drink"), {"dietary_notes": "No sesame seeds"})

    stored = "".join(session.session_data for session in Session.objects.all())
    assert "sesame" not in Session.objects.get().get_decoded().__repr__()
    assert "sesame" not in stored


def test_skipping_a_question_keeps_what_you_told_us_before(client, project, co_producer):
    person = InvolvementFactory(project=project, person__user=co_producer).person
    give_needs(person)  # a hearing loop, vegan, a reminder 2 days before

    page = _page(client.get(_check_url(project)))

    assert "A hearing loop" in page
    assert "Vegan" in page
    assert "2 days before" in page


def test_the_flow_starts_from_what_is_stored(client, project, co_producer):
    person = InvolvementFactory(
        project=project, person__user=co_producer, person__contact_by="email"
    ).person
    give_needs(person)

    food = _page(client.get(_url(project, "food-and-drink")))
    contact = _page(client.get(_url(project, "contact")))

    assert _checked(food) == {"vegan"}
    assert _checked(contact) == {"email"}


def test_check_your_answers_shows_every_answer_with_a_change_link(client, project):
    client.post(_url(project, "communication"), {"communication": ["hearing_loop"]})
    client.post(_url(project, "reminders"), {"reminders": ["text"], "reminder_days_before": "1"})
    client.post(_url(project, "papers"), {"formats": ["easy_read"]})
    client.post(_url(project, "contact"), {"contact_by": "text", "phone": "07700 900123"})
    client.post(_url(project, "keeping-your-details"), {"keep_details": "yes"})

    page = _page(client.get(_check_url(project)))

    for words in ("A hearing loop", "A text message", "1 day before", "Easy Read", "07700 900123"):
        assert words in page
    for question in QUESTIONS:
        assert f'href="{_url(project, question, back="check")}"' in page


def test_a_change_link_returns_to_check_your_answers(client, project):
    page = _page(client.get(_url(project, "papers", back="check")))
    sent = client.post(_url(project, "papers", back="check"), {"formats": ["audio"]})

    assert f'<a href="{_check_url(project)}" class="govuk-back-link">' in page
    assert f'href="{_check_url(project)}">Skip this question</a>' in page
    assert sent.headers["Location"] == _check_url(project)


def test_save_writes_through_the_existing_services_encrypted_and_logged(
    client, project, co_producer
):
    client.post(_url(project, "getting-there"), {"mobility": ["wheelchair"]})
    client.post(_url(project, "food-and-drink"), {"dietary": ["halal"]})
    client.post(_url(project, "papers"), {"formats": ["other_language"], "other_language": "Urdu"})
    client.post(_url(project, "contact"), {"contact_by": "post", "address": "1 High Street"})
    client.post(_url(project, "keeping-your-details"), {"keep_details": "yes"})

    saved = client.post(_check_url(project), follow=True)

    person = Person.objects.get(user=co_producer)
    needs = selectors.person_needs(person=person)
    assert needs.codes() == {"mobility:wheelchair", "dietary:halal"}
    assert "halal" not in person.needs_token
    assert (person.contact_by, person.address, person.formats, person.other_language) == (
        "post",
        "1 High Street",
        ["other_language"],
        "Urdu",
    )
    assert list(
        ConsentRecord.objects.filter(person=person).values_list("purpose", "given", "method")
    ) == [("data_storage", True, "online")]
    assert AuditEntry.objects.filter(
        person=person, actor=co_producer, action="changed_needs", project=project
    ).exists()
    assert saved.redirect_chain[-1][0] == f"/projects/{project.pk}/your-details/"
    assert "Your answers have been saved" in _page(saved)
    assert "A wheelchair" in _page(saved) or "I use a wheelchair" in _page(saved)
    # Saved: the next visit starts again from what is stored.
    assert _checked(_page(client.get(_url(project, "food-and-drink")))) == {"halal"}


def test_saving_the_same_consent_answer_again_records_nothing_new(client, project, co_producer):
    client.post(_url(project, "keeping-your-details"), {"keep_details": "no"})
    client.post(_check_url(project))
    client.post(_check_url(project))

    assert ConsentRecord.objects.filter(person__user=co_producer).count() == 1


def _error_beside(page: str, field: str) -> str:
    """The words of the error message under the field (GOV.UK's markup)."""
    error = re.search(
        rf'<p id="id_{field}-error" class="govuk-error-message">(.*?)</p>', page, re.S
    )
    return html.unescape(re.sub(r"<[^>]+>", "", error.group(1))) if error else ""


@pytest.mark.parametrize(
    ("question", "data", "field", "message"),
    [
        ("reminders", {"reminder_days_before": "soon"}, "reminder_days_before", "number"),
        (
            "contact",
            {"contact_by": "email", "email": ""},
            "email",
            "Enter an email address, or choose another way to make contact",
        ),
        ("contact", {"phone": "call me"}, "phone", "Enter a phone number"),
        ("papers", {"formats": ["other_language"]}, "other_language", "Enter the language"),
        ("keeping-your-details", {"keep_details": "maybe"}, "keep_details", "Select yes or no"),
        ("food-and-drink", {"dietary": ["chips"]}, "dietary", "Select from the list"),
    ],
)
def test_bad_input_is_shown_beside_the_field(client, project, question, data, field, message):
    response = client.post(_url(project, question), data)

    page = _page(response)
    assert response.status_code == 400
    assert message in _error_beside(page, field)
    assert f'href="#id_{field}"' in page


def test_an_email_someone_else_has_is_said_beside_the_email_box(client, project, co_producer):
    InvolvementFactory(project=project, person__email="taken@example.org")

    response = client.post(
        _url(project, "contact"), {"contact_by": "email", "email": "Taken@example.org"}
    )

    assert response.status_code == 400
    assert "Someone else in the organisation already has this email address" in (
        _error_beside(_page(response), "email")
    )


def test_your_own_email_is_not_someone_elses(client, project, co_producer):
    InvolvementFactory(project=project, person__user=co_producer, person__email="me@example.org")

    response = client.post(
        _url(project, "contact"), {"contact_by": "email", "email": "me@example.org"}
    )

    assert response.status_code == 302


def test_an_email_someone_else_took_meanwhile_is_said_on_check_your_answers(
    client, project, co_producer
):
    client.post(_url(project, "contact"), {"contact_by": "email", "email": "taken@example.org"})
    InvolvementFactory(project=project, person__email="taken@example.org")

    response = client.post(_check_url(project))

    assert response.status_code == 400
    assert "Someone else in the organisation already has this email address" in _page(response)
    assert f'href="{_url(project, "contact", back="check")}"' in _page(response)
    assert not Person.objects.filter(user=co_producer, email="taken@example.org").exists()


def test_an_unknown_question_is_not_found(client, project):
    assert client.get(_url(project, "shoe-size")).status_code == 404


def test_your_old_needs_page_now_leads_into_the_questions(client, project):
    response = client.get(f"/projects/{project.pk}/your-details/access-needs/")

    assert response.headers["Location"] == _url(project)


def test_your_details_page_links_to_the_questions(client, project):
    page = _page(client.get(f"/projects/{project.pk}/your-details/"))

    assert f'href="{_url(project)}"' in page
    assert f"/projects/{project.pk}/your-details/access-needs/" not in page


def test_staff_still_change_someone_elses_needs_on_one_page(client_for, project, lead):
    person = InvolvementFactory(project=project).person

    page = _page(
        client_for(lead).get(f"/projects/{project.pk}/participants/{person.pk}/access-needs/")
    )

    assert 'value="hearing_loop"' in page
    assert 'value="vegan"' in page


# Where it starts -------------------------------------------------------------------


def test_accepting_an_invitation_leads_a_co_producer_into_the_questions(client_for, project):
    from tests.factories import InvitationFactory, UserFactory

    user = UserFactory(email="sam@example.org")
    InvitationFactory(project=project, email="sam@example.org", token="t-sam")

    joined = client_for(user).post("/invitations/t-sam/", follow=True)

    assert joined.redirect_chain[-1][0] == _url(project)
    assert "You have joined" in _page(joined)
    assert "Tell us what you need to take part" in _page(joined)


def test_someone_with_needs_told_already_joining_as_staff_goes_to_the_project(client_for):
    from tests.factories import InvitationFactory

    other = MembershipFactory(role=Role.FACILITATOR)
    project = ProjectFactory(organisation=other.project.organisation)
    person = InvolvementFactory(project=other.project, person__user=other.user).person
    give_needs(person)
    InvitationFactory(project=project, email=other.user.email, role=Role.MANAGER, token="t-m")

    joined = client_for(other.user).post("/invitations/t-m/")

    assert joined.headers["Location"] == f"/projects/{project.pk}/"


def test_your_account_links_to_the_questions_for_each_organisation(client_for):
    first = MembershipFactory()
    second = MembershipFactory(user=first.user)

    page = _page(client_for(first.user).get("/your-account/"))

    for membership in (first, second):
        assert f'href="{_url(membership.project)}"' in page
    assert "Your access needs and how we contact you" in page


# Plain words, and the same queries as data grows ------------------------------------


def _words(page: str) -> str:
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    # The project's menu is not the page's own wording.
    main = re.sub(r"<(script|style|nav)[^>]*>.*?</\1>", " ", main, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", main))


def _plain_words_findings(page: str) -> list[tuple]:
    return [
        (finding.kind, finding.text)
        for line in _words(page).split("\n")
        if line.strip()
        for finding in check(line.strip()).findings
    ]


@pytest.mark.parametrize("question", ["", *QUESTIONS, "check-your-answers"])
def test_the_words_of_each_page_pass_the_plain_words_check(client, project, question):
    page = _page(client.get(_url(project, question or None)))

    assert _plain_words_findings(page) == []


def _many_people(project, count):
    for n in range(count):
        InvolvementFactory(project=project, person__full_name=f"Person {n}")


@pytest.mark.parametrize("question", ["", "getting-there", "contact", "check-your-answers"])
def test_each_page_makes_the_same_queries_with_few_or_many_people(client_for, question):
    counts = []
    for count in (1, 40):
        membership = MembershipFactory(role=Role.CO_PRODUCER)
        _many_people(membership.project, count)
        person = InvolvementFactory(project=membership.project, person__user=membership.user).person
        give_needs(person)
        client = client_for(membership.user)
        looks = []
        for _ in range(2):  # the first look reads what is stored; the next, the session
            with CaptureQueriesContext(connection) as captured:
                response = client.get(_url(membership.project, question or None))
            assert response.status_code == 200
            looks.append(len(captured))
        counts.append(looks)

    assert counts[0] == counts[1]


def test_your_account_makes_the_same_queries_with_one_project_or_many(client_for):
    counts = []
    for projects in (1, 30):
        first = MembershipFactory()
        for _ in range(projects - 1):
            MembershipFactory(user=first.user)
        client = client_for(first.user)
        with CaptureQueriesContext(connection) as captured:
            page = _page(client.get("/your-account/"))
        assert page.count("Your access needs and how we contact you") == projects
        counts.append(len(captured))

    assert counts[0] == counts[1]


def test_a_record_the_lead_made_with_your_email_is_where_the_questions_start(
    client, project, co_producer
):
    made_by_lead = InvolvementFactory(project=project, person__email=co_producer.email).person
    give_needs(made_by_lead)
    client.post(_url(project, "getting-there"), {"mobility": ["parking"]})

    client.post(_check_url(project))

    made_by_lead.refresh_from_db()
    assert made_by_lead.user == co_producer
    assert selectors.person_needs(person=made_by_lead).codes() == {
        "communication:hearing_loop",
        "dietary:vegan",
        "mobility:parking",
    }


def test_answering_contact_first_time_keeps_your_account_email(client, project, co_producer):
    page = _page(client.get(_url(project, "contact")))
    client.post(_url(project, "contact"), {"contact_by": "email", "email": co_producer.email})
    client.post(_check_url(project))

    assert f'value="{co_producer.email}"' in page
    assert Person.objects.get(user=co_producer).email == co_producer.email


# Someone else changes your details while you answer ---------------------------------


def _staff_changes_phone(person, phone="0700 900 900"):
    from coplan.people import services

    fields = {
        name: getattr(person, name)
        for name in ("email", "address", "contact_by", "formats", "other_language")
    }
    services.person_update_details(person=person, full_name=person.full_name, phone=phone, **fields)


def _started_with_a_record(client, project, co_producer):
    person = InvolvementFactory(
        project=project, person__user=co_producer, person__phone="0100 000 000"
    ).person
    client.get(_url(project, "getting-there"))  # starts from what is stored
    client.post(_url(project, "food-and-drink"), {"dietary": ["halal"]})
    client.post(_url(project, "contact"), {"contact_by": "phone", "phone": "0111 111 111"})
    return person


def _asked_after_staff_changed_your_phone(client, project, co_producer):
    person = _started_with_a_record(client, project, co_producer)
    _staff_changes_phone(Person.objects.get(pk=person.pk))
    return person, client.post(_check_url(project))


def test_staff_changes_meanwhile_are_kept_and_you_are_asked(client, project, co_producer):
    person, asked = _asked_after_staff_changed_your_phone(client, project, co_producer)

    page = _page(asked)
    person.refresh_from_db()
    assert asked.status_code == 409
    assert "Someone changed your details while you were answering" in page
    assert "0700 900 900" in page
    assert "0111 111 111" in page
    assert "Keep what you told us" in page
    assert "Keep what we hold now" in page
    assert person.phone == "0700 900 900"
    assert selectors.person_needs(person=person).codes() == set()
    # Your answers are still there until you choose.
    assert _checked(_page(client.get(_url(project, "food-and-drink")))) == {"halal"}


def test_choosing_keep_mine_saves_your_answers(client, project, co_producer):
    person, _ = _asked_after_staff_changed_your_phone(client, project, co_producer)

    saved = client.post(_check_url(project), {"keep": "mine"}, follow=True)

    person.refresh_from_db()
    assert "Your answers have been saved" in _page(saved)
    assert person.phone == "0111 111 111"
    assert selectors.person_needs(person=person).codes() == {"dietary:halal"}


def test_choosing_keep_what_we_hold_saves_nothing_and_forgets_your_answers(
    client, project, co_producer
):
    person, _ = _asked_after_staff_changed_your_phone(client, project, co_producer)

    kept = client.post(_check_url(project), {"keep": "held"}, follow=True)

    person.refresh_from_db()
    assert "We kept the details we hold" in _page(kept)
    assert person.phone == "0700 900 900"
    assert selectors.person_needs(person=person).codes() == set()
    assert _checked(_page(client.get(_url(project, "food-and-drink")))) == set()


def test_a_change_after_you_were_asked_asks_you_again(client, project, co_producer):
    person, _ = _asked_after_staff_changed_your_phone(client, project, co_producer)
    give_needs(Person.objects.get(pk=person.pk))  # staff again, before you choose

    again = client.post(_check_url(project), {"keep": "mine"})

    person.refresh_from_db()
    assert again.status_code == 409
    assert person.phone == "0700 900 900"


def test_with_no_change_meanwhile_saving_is_as_before(client, project, co_producer):
    person = _started_with_a_record(client, project, co_producer)

    saved = client.post(_check_url(project))

    person.refresh_from_db()
    assert saved.status_code == 302
    assert person.phone == "0111 111 111"
    assert selectors.person_needs(person=person).codes() == {"dietary:halal"}


def test_a_record_made_with_your_email_meanwhile_is_not_overwritten(client, project, co_producer):
    client.post(_url(project, "contact"), {"contact_by": "phone", "phone": "0111 111 111"})
    made = InvolvementFactory(
        project=project, person__email=co_producer.email, person__phone="0700 900 900"
    ).person

    asked = client.post(_check_url(project))

    made.refresh_from_db()
    assert asked.status_code == 409
    assert made.phone == "0700 900 900"


def test_the_words_of_the_changed_meanwhile_page_pass_the_plain_words_check(
    client, project, co_producer
):
    _, asked = _asked_after_staff_changed_your_phone(client, project, co_producer)
    page = _page(asked)

    assert _plain_words_findings(page) == []
    # Only what differs is shown: the food and the contact, not the papers.
    assert "How we contact you" in page
    assert "Papers" not in _words(page)


def test_of_two_saves_from_the_same_start_only_the_first_is_written(project, co_producer):
    from coplan.people import services
    from coplan.people.needs import AccessNeeds

    membership = Membership.objects.get(project=project, user=co_producer)
    person = InvolvementFactory(project=project, person__user=co_producer).person
    started = selectors.person_version(person)

    def save(phone):
        return services.person_tell_us_once_save(
            membership=membership,
            details={"phone": phone},
            needs=AccessNeeds(),
            keep_details="",
            actor=co_producer,
            where="test",
            started_from=started,
        )

    save("0111 111 111")
    with pytest.raises(services.ChangedMeanwhileError) as second:
        save("0222 222 222")

    assert second.value.person.phone == "0111 111 111"
    assert Person.objects.get(pk=person.pk).phone == "0111 111 111"
