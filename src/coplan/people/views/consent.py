"""Consent: recording someone's answers and withdrawing one, and your own answers."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.people import rules, selectors, services
from coplan.people.choices import CONSENT_EXPLANATIONS
from coplan.people.forms import ConsentForm, OwnConsentForm
from coplan.people.views import SECTION, involvement_for, own_url, participant_url
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_consent_add(
    request: HttpRequest, membership: Membership, person_id: int
) -> HttpResponse:
    person = involvement_for(membership, person_id).person
    form = ConsentForm(posted(request))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.consent_record(
            person=person,
            purpose=form.cleaned_data["purpose"],
            given=form.cleaned_data["given"] == "yes",
            given_on=form.cleaned_data["given_on"],
            method=form.cleaned_data["method"],
            told=form.cleaned_data["told"],
            review_on=form.cleaned_data["review_on"],
            recorded_by=request.user,
        ),
        saved="The consent has been recorded.",
        heading=f"Record consent for {person.full_name}",
        intro=[
            "Record each answer, yes or no, as they gave it: on a consent form for data "
            "storage, a media consent form, or by phone."
        ],
        button="Save consent",
        back=participant_url(membership, person),
        template="people/consent_form.html",
        explanations={str(purpose): text for purpose, text in CONSENT_EXPLANATIONS.items()},
    )


@project_view(rules.MANAGE_PARTICIPANTS)
@require_POST
def participant_consent_withdraw(
    request: HttpRequest, membership: Membership, person_id: int, consent_id: int
) -> HttpResponse:
    person = involvement_for(membership, person_id).person
    consent = or_404(selectors.person_consent(person=person, consent_id=consent_id))
    return SECTION.action(
        request,
        membership,
        do=lambda: services.consent_withdraw(consent=consent),
        message=f"Consent for {consent.get_purpose_display().lower()} is withdrawn.",
        back=participant_url(membership, person),
    )


@project_view(rules.OWN_DETAILS)
def your_consents(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = selectors.person_for_member(membership=membership)
    records = selectors.consent_records(person=person) if person else []
    current = selectors.current_consents(records=records)
    initial = {
        purpose: ("yes" if selectors.consent_is_given(record) else "no")
        for purpose, record in current.items()
        if record is not None
    }
    form = OwnConsentForm(posted(request), initial=initial)

    def save():
        saving = person or services.person_for_member_get_or_create(membership=membership)
        for purpose, answer in form.cleaned_data.items():
            services.consent_answer_own(
                person=saving,
                purpose=purpose,
                given=answer == "yes",
                actor=request.user,
                latest=current[purpose],
            )

    return SECTION.form_flow(
        request,
        membership,
        form,
        save=save,
        saved="Your answers have been saved.",
        heading="What you agree to",
        intro=["You can change your mind at any time."],
        button="Save answers",
        back=own_url(membership),
    )
