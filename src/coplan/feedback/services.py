"""Writes for feedback: forms and their questions, answers (the closed box),
one-time links, you said we did and self-reflection.

The closed box is kept here, in one place: `feedback_answer_record` never
stores an account, a date or who typed an answer in for an anonymous form,
whatever it is given.
"""

import datetime
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection, send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from coplan.core import events
from coplan.core.errors import RuleError
from coplan.feedback import bank, selectors, telling
from coplan.feedback.models import (
    FeedbackAnswer,
    FeedbackForm,
    FeedbackQuestion,
    FeedbackResponse,
    HowAnswered,
    Lesson,
    OneTimeLink,
    Reflection,
    SendMethod,
    ThemeStatus,
    YouSaidWeDid,
    YouSaidWeDidSent,
)
from coplan.meetings.models import Meeting
from coplan.people.choices import ContactMethod, Format
from coplan.people.models import Person
from coplan.plain_words import selectors as easy_read_selectors
from coplan.plain_words import services as easy_read_services
from coplan.plain_words.models import EasyReadVersion
from coplan.plain_words.printing import easy_read_pdf
from coplan.projects.models import Project
from coplan.projects.selectors import token_hash
from coplan.working_together.models import CarParkItem

MAX_ONE_TIME_LINKS = 500


class FeedbackError(RuleError):
    """A rule of feedback was broken; `message` is in plain words, `field` says where."""


def _new_token() -> str:
    return secrets.token_urlsafe(24)


def feedback_link(token: str) -> str:
    return settings.SITE_URL + reverse("feedback:answer_start", kwargs={"token": token})


# Forms and questions -----------------------------------------------------------


@transaction.atomic
def feedback_form_create(
    *,
    project: Project,
    title: str,
    intro: str,
    closed_box: bool,
    how_answered: str,
    meeting: Meeting | None,
    bank_keys: list[str],
    by,
) -> FeedbackForm:
    if meeting is not None and meeting.project_id != project.pk:
        raise FeedbackError("Select a meeting from the list", "meeting")
    if not closed_box:
        how_answered = HowAnswered.MEMBERS  # a name is kept only with a signed-in account
    elif how_answered == HowAnswered.MEMBERS:
        raise FeedbackError(
            "A closed box is filled in by a link, so choose how people get the link",
            "how_answered",
        )
    form = FeedbackForm.objects.create(
        project=project,
        meeting=meeting,
        title=title,
        intro=intro,
        closed_box=closed_box,
        how_answered=how_answered,
        token=_new_token(),
        created_by=by,
    )
    for key in bank_keys:
        found = bank.bank_question(key)
        if found is None:
            raise FeedbackError("Choose questions from the list", "bank_keys")
        feedback_question_add(
            form=form,
            kind=found.kind,
            standard=found.standard,
            easy_read=found.easy_read,
            feeling=found.feeling,
            bank_key=found.key,
        )
    telling.form_open(form)
    return form


def _no_answers_yet(form: FeedbackForm) -> None:
    if form.responses.exists():
        raise FeedbackError(
            "People have already answered this form, so its questions and its closed box "
            "cannot change. Make a new form instead."
        )


def feedback_form_update(
    *, form: FeedbackForm, title: str, intro: str, meeting: Meeting | None, is_open: bool
) -> FeedbackForm:
    if meeting is not None and meeting.project_id != form.project_id:
        raise FeedbackError("Select a meeting from the list", "meeting")
    form.title, form.intro, form.meeting, form.is_open = title, intro, meeting, is_open
    form.save(update_fields=["title", "intro", "meeting", "is_open"])
    return form


def feedback_form_remove(*, form: FeedbackForm) -> None:
    form.delete()


def feedback_link_renew(*, form: FeedbackForm) -> FeedbackForm:
    """A new link and QR code; the old link stops working."""
    form.token = _new_token()
    form.save(update_fields=["token"])
    return form


def feedback_question_add(
    *,
    form: FeedbackForm,
    kind: str,
    standard: str,
    easy_read: str,
    feeling: str = "",
    bank_key: str = "",
) -> FeedbackQuestion:
    if kind not in bank.KINDS:
        raise FeedbackError("Choose the kind of answer", "kind")
    _no_answers_yet(form)
    last = form.questions.order_by("-position").values_list("position", flat=True).first()
    return FeedbackQuestion.objects.create(
        form=form,
        position=(last or 0) + 1,
        kind=kind,
        standard=standard,
        easy_read=easy_read,
        feeling=feeling,
        bank_key=bank_key,
    )


def feedback_question_remove(*, question: FeedbackQuestion) -> None:
    _no_answers_yet(question.form)
    question.delete()


# Answers: the closed box ------------------------------------------------------


@dataclass(frozen=True)
class Given:
    """One answer as it was given: a choice, or words."""

    choice: str = ""
    words: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.choice and not self.words.strip()


ALREADY_ANSWERED = "You have already filled in this form. Thank you."


def _answered(form: FeedbackForm, respondent) -> bool:
    return FeedbackResponse.objects.filter(form=form, respondent=respondent).exists()


@transaction.atomic
def feedback_answer_record(
    *,
    form: FeedbackForm,
    answers: dict[int, Given],
    respondent=None,
    on_paper: bool = False,
    typed_in_by=None,
    one_time_token: str | None = None,
    today: datetime.date | None = None,
) -> FeedbackResponse:
    """Keep one filled-in form.

    A closed box keeps nothing about the person: the account, the date and who
    typed it in are dropped here, and a one-time link is deleted as it is used,
    so the answer cannot be traced back through it.
    """
    questions = {question.pk: question for question in form.questions.all()}
    given = {
        pk: answer for pk, answer in answers.items() if pk in questions and not answer.is_empty
    }
    if not given:
        raise FeedbackError("Answer at least one question")
    for pk, answer in given.items():
        question = questions[pk]
        allowed = {choice.value for choice in bank.KINDS[question.kind].choices}
        if question.kind == bank.WORDS:
            if answer.choice:
                raise FeedbackError("Write your answer in words", f"question_{pk}")
        elif answer.choice not in allowed:
            raise FeedbackError("Choose one of the answers", f"question_{pk}")
    if not on_paper:
        if not form.is_open:
            raise FeedbackError("This form is closed, so it cannot be filled in now")
        if form.how_answered == HowAnswered.ONE_TIME:
            link = (
                OneTimeLink.objects.select_for_update()
                .filter(form=form, token_hash=token_hash(one_time_token or ""))
                .first()
            )
            if link is None:
                raise FeedbackError("This link has already been used, or it is not right")
            link.delete()
        if form.how_answered == HowAnswered.MEMBERS and respondent is None:
            raise FeedbackError("Sign in to fill in this form")
    if form.closed_box:
        respondent, typed_in_by, answered_on = None, None, None
    else:
        answered_on = today or timezone.localdate()
        if on_paper:
            respondent = None
    # A form that keeps names is filled in once by each member (one_response_per_member).
    if respondent is not None and _answered(form, respondent):
        raise FeedbackError(ALREADY_ANSWERED)
    try:
        with transaction.atomic():
            response = FeedbackResponse.objects.create(
                form=form,
                on_paper=on_paper,
                answered_on=answered_on,
                respondent=respondent,
                typed_in_by=typed_in_by if on_paper else None,
            )
    except IntegrityError as error:  # the same member sent it at the same moment
        raise FeedbackError(ALREADY_ANSWERED) from error
    FeedbackAnswer.objects.bulk_create(
        FeedbackAnswer(
            response=response,
            question_id=pk,
            choice=answer.choice,
            words=answer.words.strip() if questions[pk].kind == bank.WORDS else "",
        )
        for pk, answer in given.items()
    )
    return response


def one_time_links_make(*, form: FeedbackForm, count: int) -> list[str]:
    """New one-time links. Only their hashes are kept, with no person and no date:
    the links themselves exist only in what is printed or sent now."""
    if form.how_answered != HowAnswered.ONE_TIME:
        raise FeedbackError("This form does not use one-time links")
    if not 1 <= count <= MAX_ONE_TIME_LINKS:
        raise FeedbackError(f"Enter a number of links between 1 and {MAX_ONE_TIME_LINKS}", "count")
    tokens = [_new_token() for _ in range(count)]
    with transaction.atomic():
        OneTimeLink.objects.bulk_create(
            OneTimeLink(form=form, token_hash=token_hash(token)) for token in tokens
        )
        FeedbackForm.objects.filter(pk=form.pk).update(links_made=form.links_made + count)
    form.links_made += count
    return tokens


def one_time_links_email(*, form: FeedbackForm, people: list[Person]) -> int:
    """Email each person their own one-time link. Who got which link is not kept."""
    with_email = [person for person in people if person.email and person.erased_at is None]
    if not with_email:
        return 0
    tokens = one_time_links_make(form=form, count=len(with_email))
    # Someone who asked for Easy Read papers gets the Easy Read email. Its link is the
    # whole link, not a short one: a short link would keep the one-time token.
    messages = [
        (person.email, feedback_link(token), wants_easy_read(person))
        for person, token in zip(with_email, tokens, strict=True)
    ]

    def send() -> None:
        for email, link, easy_read in messages:
            template = "one_time_link_easy_read.txt" if easy_read else "one_time_link.txt"
            send_mail(
                subject=f"Tell us what you think: {form.title}",
                message=render_to_string(
                    f"feedback/email/{template}", {"form": form, "link": link}
                ),
                from_email=None,
                recipient_list=[email],
            )

    transaction.on_commit(send)
    return len(messages)


# You said, we did --------------------------------------------------------------


def _check_links(
    project: Project, form: FeedbackForm | None, car_park_item: CarParkItem | None
) -> None:
    if form is not None and form.project_id != project.pk:
        raise FeedbackError("Select a feedback form from the list", "form")
    if car_park_item is not None and car_park_item.project_id != project.pk:
        raise FeedbackError("Select a car park item from the list", "car_park_item")


def you_said_we_did_add(
    *,
    project: Project,
    you_said: str,
    we_did: str,
    status: str,
    form: FeedbackForm | None = None,
    car_park_item: CarParkItem | None = None,
    by=None,
) -> YouSaidWeDid:
    _check_links(project, form, car_park_item)
    if status != ThemeStatus.WORKING_ON_IT and not we_did.strip():
        raise FeedbackError("Say what the project did, or what it cannot do and why", "we_did")
    return YouSaidWeDid.objects.create(
        project=project,
        you_said=you_said,
        we_did=we_did,
        status=status,
        form=form,
        car_park_item=car_park_item,
        created_by=by,
    )


def you_said_we_did_update(
    *,
    entry: YouSaidWeDid,
    you_said: str,
    we_did: str,
    status: str,
    form: FeedbackForm | None = None,
    car_park_item: CarParkItem | None = None,
) -> YouSaidWeDid:
    _check_links(entry.project, form, car_park_item)
    if status != ThemeStatus.WORKING_ON_IT and not we_did.strip():
        raise FeedbackError("Say what the project did, or what it cannot do and why", "we_did")
    changed = (entry.you_said, entry.we_did, entry.status) != (you_said, we_did, status)
    entry.you_said, entry.we_did, entry.status = you_said, we_did, status
    entry.form, entry.car_park_item = form, car_park_item
    if changed:
        entry.changed_at = timezone.now()
    entry.save()
    return entry


def you_said_we_did_publish(*, entry: YouSaidWeDid) -> YouSaidWeDid:
    """Show it on the page every member of the project sees."""
    if entry.published_at is None:
        with transaction.atomic():
            entry.published_at = timezone.now()
            entry.save(update_fields=["published_at"])
            events.happened(
                "you_said_we_did.published",
                project=entry.project,
                facts={
                    "entry_id": entry.pk,
                    "you_said": entry.you_said,
                    "we_did": entry.we_did,
                    "status": entry.status,
                    "published_at": entry.published_at.isoformat(),
                },
            )
    return entry


def you_said_we_did_remove(*, entry: YouSaidWeDid) -> None:
    entry.delete()


def send_method(person: Person) -> SendMethod:
    """How a person hears back: as they asked, or by what we have for them."""
    if person.contact_by == ContactMethod.EMAIL and person.email:
        return SendMethod.EMAIL
    if person.contact_by == ContactMethod.POST and person.address:
        return SendMethod.POST
    if person.contact_by in {ContactMethod.PHONE, ContactMethod.TEXT} and person.phone:
        return SendMethod.PHONE
    if person.email:
        return SendMethod.EMAIL
    if person.address:
        return SendMethod.POST
    if person.phone:
        return SendMethod.PHONE
    return SendMethod.NONE


def wants_easy_read(person: Person) -> bool:
    return Format.EASY_READ in (person.formats or [])


@dataclass
class SendOutcome:
    emailed: list[Person] = field(default_factory=list)
    letters: list[Person] = field(default_factory=list)
    phone: list[Person] = field(default_factory=list)
    unreachable: list[Person] = field(default_factory=list)


def needs_easy_read_letter(person: Person) -> bool:
    """Whether the person is sent the Easy Read letter (by email or post): then the
    lead approves its Easy Read version before it goes."""
    return wants_easy_read(person) and send_method(person) in (SendMethod.EMAIL, SendMethod.POST)


def _easy_read_to_send(
    *, project: Project, people: list[Person], entries: list[YouSaidWeDid], now
) -> EasyReadVersion | None:
    """The approved Easy Read letter, if anyone it goes to gets Easy Read (from now on
    kept as sent); FeedbackError if the lead has not approved the letter as it is now."""
    if not any(needs_easy_read_letter(person) for person in people):
        return None
    document = selectors.you_said_we_did_easy_read(project=project, entries=entries)
    try:
        return easy_read_services.easy_read_version_send(
            project=project, document=document, now=now
        )
    except easy_read_services.EasyReadError as error:
        raise FeedbackError(error.message) from error


def _email_words(*, project: Project, entries, easy_read_lines, link: str) -> str:
    return render_to_string(
        "feedback/email/you_said_we_did.txt",
        {
            "project": project,
            "entries": entries,
            "easy_read": easy_read_lines is not None,
            "easy_read_lines": easy_read_lines or [],
            "link": link,
        },
    )


@transaction.atomic
def you_said_we_did_send(
    *, project: Project, people: list[Person], entries: list[YouSaidWeDid], by
) -> SendOutcome:
    """Send what the project did to everyone involved, each the way they asked.

    Emails go now; people who asked for Easy Read get the Easy Read letter the lead
    approved (its words in the email, and as a PDF with its pictures), and it is kept
    as sent. Letters are to print from the letters page; people who want a phone call
    are listed for staff to ring. Every entry sent is marked shared.
    """
    if not entries:
        raise FeedbackError("There is nothing published to send yet")
    outcome = SendOutcome()
    now = timezone.now()
    version = _easy_read_to_send(project=project, people=people, entries=entries, now=now)
    easy_lines = (
        easy_read_selectors.version_lines(version=version, organisation_id=project.organisation_id)
        if version is not None
        else []
    )
    link = settings.SITE_URL + reverse(
        "feedback:you_said_we_did", kwargs={"project_id": project.pk}
    )
    title = f"You said, we did: {project.name}"
    easy_pdf: list[bytes] = []
    messages = []
    for person in people:
        method = send_method(person)
        easy_read = wants_easy_read(person)
        sent = YouSaidWeDidSent.objects.create(
            project=project,
            person=person,
            method=method,
            easy_read=easy_read,
            easy_read_version=version if needs_easy_read_letter(person) else None,
            sent_at=now,
            sent_by=by,
        )
        sent.entries.set(entries)
        {
            SendMethod.EMAIL: outcome.emailed,
            SendMethod.POST: outcome.letters,
            SendMethod.PHONE: outcome.phone,
            SendMethod.NONE: outcome.unreachable,
        }[method].append(person)
        if method != SendMethod.EMAIL:
            continue
        words = [line.words for line in easy_lines] if easy_read else None
        message = EmailMessage(
            subject=title,
            body=_email_words(project=project, entries=entries, easy_read_lines=words, link=link),
            to=[person.email],
        )
        if easy_read:
            if not easy_pdf:  # one Easy Read letter for everyone it is emailed to
                easy_pdf.append(easy_read_pdf(title=title, lines=easy_lines))
            message.attach("you-said-we-did-easy-read.pdf", easy_pdf[0], "application/pdf")
        messages.append(message)
    YouSaidWeDid.objects.filter(pk__in=[entry.pk for entry in entries]).update(shared_at=now)

    def send() -> None:
        if messages:
            with get_connection() as connection:
                connection.send_messages(messages)

    transaction.on_commit(send)
    return outcome


# Self-reflection and lessons ------------------------------------------------------


def reflection_save(
    *,
    project: Project,
    author,
    about: str,
    answers: dict[str, str],
    meeting: Meeting | None = None,
    reflection: Reflection | None = None,
) -> Reflection:
    if meeting is not None and meeting.project_id != project.pk:
        raise FeedbackError("Select a meeting from the list", "meeting")
    known = {question.key for question in bank.reflection_questions()}
    answers = {key: value for key, value in answers.items() if key in known and value}
    if reflection is None:
        reflection = Reflection(project=project, author=author)
    reflection.about, reflection.answers, reflection.meeting = about, answers, meeting
    reflection.updated_at = timezone.now()
    reflection.save()
    return reflection


def reflection_share(*, reflection: Reflection, shared: bool) -> Reflection:
    reflection.shared_at = timezone.now() if shared else None
    reflection.save(update_fields=["shared_at"])
    return reflection


def reflection_remove(*, reflection: Reflection) -> None:
    reflection.delete()


def lesson_add(*, project: Project, text: str, by, reflection: Reflection | None = None) -> Lesson:
    if reflection is not None and reflection.project_id != project.pk:
        raise FeedbackError("That reflection is not in this project")
    return Lesson.objects.create(project=project, text=text, reflection=reflection, written_by=by)


def lesson_remove(*, lesson: Lesson) -> None:
    lesson.delete()
