"""Reads for feedback: forms, results with the closed box's small-number rule,
you said we did and whether people are still waiting to hear back, reflections
and lessons. Every read of a project's things takes the project."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber

from coplan.feedback import bank
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
from coplan.meetings.models import Attendance, InvitedPerson, Meeting, Reply
from coplan.organisations.models import Organisation
from coplan.people.models import Involvement, Person
from coplan.plain_words import selectors as easy_read_selectors
from coplan.plain_words.easy_read import ApprovedVersion, EasyReadLine, easy_read_lines
from coplan.plain_words.selectors import EasyReadDocument
from coplan.projects.models import Project
from coplan.projects.selectors import token_hash
from coplan.working_together.models import CarParkItem

FORMS_OPEN_PER_PAGE = 20
SMALLEST_GROUP = 5  # a closed box shows nothing about fewer answers than this
WORDS_SHOWN = 10  # free-text answers on the results page per question; the rest a page each


# Forms ------------------------------------------------------------------------


def feedback_forms(*, project: Project) -> list[FeedbackForm]:
    return list(
        FeedbackForm.objects.filter(project=project)
        .select_related("meeting")
        .annotate(answer_count=Count("responses", distinct=True))
    )


def feedback_forms_list(*, project_id: int, is_open: bool | None = None) -> QuerySet[FeedbackForm]:
    """The project's forms, newest first (then by id), each with its number of answers;
    only the open or only the closed ones if asked."""
    found = FeedbackForm.objects.filter(project_id=project_id)
    if is_open is not None:
        found = found.filter(is_open=is_open)
    return found.annotate(answer_count=Count("responses", distinct=True)).order_by(
        "-created_at", "-pk"
    )


def feedback_form(*, project: Project, form_id: int) -> FeedbackForm | None:
    return (
        FeedbackForm.objects.filter(project=project, pk=form_id)
        .select_related("meeting", "project")
        .annotate(answer_count=Count("responses", distinct=True))
        .first()
    )


def feedback_questions(*, form: FeedbackForm) -> list[FeedbackQuestion]:
    return list(form.questions.all())


def feedback_question(*, form: FeedbackForm, question_id: int) -> FeedbackQuestion | None:
    return form.questions.filter(pk=question_id).first()


def meetings_for_choice(*, project: Project) -> list[Meeting]:
    return list(Meeting.objects.filter(project=project).order_by("-meets_on", "-pk"))


@dataclass(frozen=True)
class Opened:
    """A form reached by its link: the form, its questions, and the one-time link used."""

    form: FeedbackForm
    questions: list[FeedbackQuestion]
    one_time_token: str | None


def feedback_form_for_token(*, token: str) -> Opened | None:
    """The form a link opens (two queries, however many answers it has)."""
    if not token or len(token) > 64:
        return None
    questions = Prefetch("questions", queryset=FeedbackQuestion.objects.order_by("position", "pk"))
    form = (
        FeedbackForm.objects.filter(token=token)
        .exclude(how_answered=HowAnswered.ONE_TIME)
        .select_related("project", "meeting")
        .prefetch_related(questions)
        .first()
    )
    one_time = None
    if form is None:
        link = (
            OneTimeLink.objects.filter(token_hash=token_hash(token))
            .select_related("form__project", "form__meeting")
            .prefetch_related(Prefetch("form__questions", queryset=questions.queryset))
            .first()
        )
        if link is None:
            return None
        form, one_time = link.form, token
    return Opened(form, list(form.questions.all()), one_time)


def forms_open_for(*, project: Project, user_id: int) -> QuerySet[FeedbackForm]:
    """The forms a member can fill in here, signed in: open, reached by the form's own
    link (a one-time link is given out one by one, with no name), not answered by them
    yet when the form keeps names, and about the whole project or a meeting they were
    invited to and did not miss (not "did not come", nor "not coming" unless they came).
    The latest meeting first."""
    invited = InvitedPerson.objects.filter(
        meeting=OuterRef("meeting"), person__user_id=user_id
    ).filter(
        Q(attendance=Attendance.CAME)
        | (~Q(attendance=Attendance.DID_NOT_COME) & ~Q(reply=Reply.NOT_COMING))
    )
    answered = FeedbackResponse.objects.filter(form=OuterRef("pk"), respondent_id=user_id)
    return (
        FeedbackForm.objects.filter(project=project, is_open=True)
        .exclude(how_answered=HowAnswered.ONE_TIME)
        .filter(Q(meeting__isnull=True) | Exists(invited))
        .exclude(Exists(answered))
        .select_related("meeting")
        .order_by(F("meeting__meets_on").desc(nulls_last=True), "-created_at", "-pk")
    )


def forms_open_for_page(*, project: Project, user_id: int, page: int | str = 1) -> Page:
    """A page of `forms_open_for`: two queries, however many there are."""
    forms = forms_open_for(project=project, user_id=user_id)
    return Paginator(forms, FORMS_OPEN_PER_PAGE).get_page(page)


def has_answered(*, form: FeedbackForm, user) -> bool:
    """Only for forms that are not a closed box: has this member answered?"""
    if form.closed_box or not user.is_authenticated:
        return False
    return FeedbackResponse.objects.filter(form=form, respondent=user).exists()


def open_one_time_links(*, form: FeedbackForm) -> int:
    return OneTimeLink.objects.filter(form=form).count()


# Results -------------------------------------------------------------------------


def too_few(form: FeedbackForm, answered: int) -> bool:
    """The closed box's rule: nothing is shown about fewer than SMALLEST_GROUP answers."""
    return form.closed_box and answered < SMALLEST_GROUP


@dataclass(frozen=True)
class AnswerCount:
    value: str
    label: str
    picture: str
    count: int

    def percent(self, of: int) -> int:
        return round(100 * self.count / of) if of else 0


@dataclass(frozen=True)
class QuestionResult:
    question: FeedbackQuestion
    answered: int
    suppressed: bool
    counts: tuple[AnswerCount, ...]
    words: tuple[str, ...]
    feeling: str

    @property
    def is_words(self) -> bool:
        return self.question.kind == bank.WORDS

    @property
    def more_words(self) -> int:
        return max(0, self.answered - len(self.words)) if self.is_words else 0


@dataclass(frozen=True)
class Results:
    form: FeedbackForm
    total: int
    on_paper: int
    questions: tuple[QuestionResult, ...]

    @property
    def suppressed(self) -> bool:
        return too_few(self.form, self.total)

    @property
    def general_feeling(self) -> list[str]:
        return [result.feeling for result in self.questions if result.feeling]


def _quoted(text: str) -> str:
    return f"‘{text.rstrip('?.')}’"


def feeling_sentence(
    question: FeedbackQuestion, counts: tuple[AnswerCount, ...], answered: int
) -> str:
    """The general feeling for one question, in plain words, worked out from the counts."""
    if not answered or not counts:
        return ""
    ranked = sorted(counts, key=lambda count: -count.count)
    top = ranked[0]

    def said(count: AnswerCount) -> str:
        if question.feeling:
            return f"{question.feeling} {count.label.lower()}"
        return f"said {_quoted(count.label)} to {_quoted(question.easy_read)}"

    if top.count * 2 > answered:
        who = "Everyone" if top.count == answered else "Most people"
        return f"{who} ({top.count:,} of {answered:,}) {said(top)}."
    if len(ranked) > 1 and ranked[1].count == top.count:
        tied = [count for count in ranked if count.count == top.count]
        parts = " and ".join(f"{count.count:,} {said(count)}" for count in tied)
        return f"People were split ({answered:,} answered): {parts}."
    if question.feeling:
        return (
            f"More people {said(top).removeprefix('said ')} than anything else "
            f"({top.count:,} of {answered:,})."
        )
    return (
        f"More people said {_quoted(top.label)} than anything else to "
        f"{_quoted(question.easy_read)} ({top.count:,} of {answered:,})."
    )


def feedback_results(*, form: FeedbackForm) -> Results:
    """Counts per answer, up to WORDS_SHOWN free-text answers per question, and the
    general feeling: four queries whatever the number of answers."""
    questions = list(form.questions.all())
    totals = FeedbackResponse.objects.filter(form=form).aggregate(
        total=Count("pk"), on_paper=Count("pk", filter=Q(on_paper=True))
    )
    grouped = (
        FeedbackAnswer.objects.filter(question__form=form)
        .values("question_id", "choice")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counted: dict[tuple[int, str], int] = {
        (row["question_id"], row["choice"]): row["n"] for row in grouped
    }
    words_rows = (
        FeedbackAnswer.objects.filter(question__form=form, question__kind=bank.WORDS)
        .exclude(words="")
        .annotate(row=Window(RowNumber(), partition_by=[F("question_id")], order_by=[F("words")]))
        .filter(row__lte=WORDS_SHOWN)
        .values_list("question_id", "words")
    )
    words: dict[int, list[str]] = {}
    for question_id, text in words_rows:
        words.setdefault(question_id, []).append(text)
    return _results(form, questions, totals, counted, words)


def _results(
    form: FeedbackForm,
    questions: list[FeedbackQuestion],
    totals: dict,
    counted: dict[tuple[int, str], int],
    words: dict[int, list[str]],
) -> Results:
    results = []
    for question in questions:
        kind = bank.KINDS[question.kind]
        counts = tuple(
            AnswerCount(
                choice.value,
                choice.label,
                choice.picture,
                counted.get((question.pk, choice.value), 0),
            )
            for choice in kind.choices
        )
        answered = (
            counted.get((question.pk, ""), 0)
            if question.kind == bank.WORDS
            else sum(c.count for c in counts)
        )
        suppressed = too_few(form, answered)
        results.append(
            QuestionResult(
                question=question,
                answered=answered,
                suppressed=suppressed,
                counts=() if suppressed else counts,
                words=() if suppressed else tuple(words.get(question.pk, [])),
                feeling="" if suppressed else feeling_sentence(question, counts, answered),
            )
        )
    return Results(form, totals["total"], totals["on_paper"], tuple(results))


def general_feelings(*, project: Project) -> list[Results]:
    """The general feeling of every answered form of the project (no free-text
    answers): four queries however many forms and answers there are."""
    forms = [form for form in feedback_forms(project=project) if form.answer_count]
    if not forms:
        return []
    by_form: dict[int, list[FeedbackQuestion]] = {form.pk: [] for form in forms}
    for question in FeedbackQuestion.objects.filter(form__in=forms).order_by("position", "pk"):
        by_form[question.form_id].append(question)
    totals = {
        row["form_id"]: row
        for row in FeedbackResponse.objects.filter(form__in=forms)
        .values("form_id")
        .annotate(total=Count("pk"), on_paper=Count("pk", filter=Q(on_paper=True)))
        .order_by()
    }
    counted = {
        (row["question_id"], row["choice"]): row["n"]
        for row in FeedbackAnswer.objects.filter(question__form__in=forms)
        .values("question_id", "choice")
        .annotate(n=Count("pk"))
        .order_by()
    }
    empty = {"total": 0, "on_paper": 0}
    return [
        _results(form, by_form[form.pk], totals.get(form.pk, empty), counted, {}) for form in forms
    ]


def question_words(*, question: FeedbackQuestion) -> QuerySet[FeedbackAnswer]:
    """Every free-text answer to one question, in the order of the words (never the
    order they came in)."""
    return (
        FeedbackAnswer.objects.filter(question=question).exclude(words="").order_by("words", "pk")
    )


def question_answer_count(*, question: FeedbackQuestion) -> int:
    if question.kind == bank.WORDS:
        return FeedbackAnswer.objects.filter(question=question).exclude(words="").count()
    return FeedbackAnswer.objects.filter(question=question).exclude(choice="").count()


def all_words(*, form: FeedbackForm) -> list[tuple[int, str]]:
    """Every free-text answer of a form, for the CSV: question, then words."""
    return list(
        FeedbackAnswer.objects.filter(question__form=form, question__kind=bank.WORDS)
        .exclude(words="")
        .order_by("question__position", "question_id", "words")
        .values_list("question_id", "words")
    )


def project_words(*, project: Project) -> Iterator[tuple[int, int, str]]:
    """Every free-text answer of the project's forms (form id, question id, words), by
    form, then as `all_words` orders them, a few thousand at a time: one query."""
    return (
        FeedbackAnswer.objects.filter(question__form__project=project, question__kind=bank.WORDS)
        .exclude(words="")
        .order_by("question__form_id", "question__position", "question_id", "words")
        .values_list("question__form_id", "question_id", "words")
        .iterator(chunk_size=2000)
    )


# You said, we did and closing the loop -------------------------------------------


def you_said_we_did_entries(
    *, project: Project, published_only: bool = False
) -> list[YouSaidWeDid]:
    entries = YouSaidWeDid.objects.filter(project=project).select_related("form", "car_park_item")
    if published_only:
        entries = entries.filter(published_at__isnull=False)
    return list(entries)


def you_said_we_did_list(*, project_id: int, published_only: bool) -> QuerySet[YouSaidWeDid]:
    """The project's "you said, we did" in an order that never changes between requests:
    what is published, most recently published first; else all, newest first."""
    entries = YouSaidWeDid.objects.filter(project_id=project_id)
    if published_only:
        return entries.filter(published_at__isnull=False).order_by("-published_at", "-pk")
    return entries.order_by("-created_at", "-pk")


EASY_READ_OPENING = ("Thank you for telling us what you think.", "This is what we did.")
EASY_READ_WORKING_ON_IT = "We are working on it. We will tell you what happens."


def you_said_we_did_easy_read(*, project: Project, entries: list[YouSaidWeDid]) -> EasyReadDocument:
    """The Easy Read "you said, we did" letter's words, for everyone who asked for Easy
    Read: the opening, then each entry under "You said" and where it is up to (each a
    heading). The lead checks and approves its Easy Read version before it goes."""
    blocks = ["\n".join(EASY_READ_OPENING)]
    for entry in entries:
        blocks.append(f"You said\n{entry.you_said.strip()}")
        we_did = entry.we_did.strip() or EASY_READ_WORKING_ON_IT
        blocks.append(f"{entry.get_status_display()}\n{we_did}")
    return EasyReadDocument(
        document=f"you_said_we_did:project:{project.pk}",
        title=f"You said, we did: {project.name}",
        source_text="\n\n".join(blocks),
        name="letter",
    )


def you_said_we_did_easy_read_state(*, project: Project, entries: list[YouSaidWeDid]):
    document = you_said_we_did_easy_read(project=project, entries=entries)
    return document, easy_read_selectors.easy_read_document_state(
        project=project, document=document
    )


def you_said_we_did_approved(*, project: Project) -> ApprovedVersion | None:
    """The Easy Read version of the letter the lead approved for what is published now,
    so a co-producer's Easy Read pages show the lead's lines, not the maker's; None when
    nothing is published or the version for it is not approved."""
    entries = you_said_we_did_entries(project=project, published_only=True)
    if not entries:
        return None
    return easy_read_selectors.approved_version_now(
        project=project, document=you_said_we_did_easy_read(project=project, entries=entries)
    )


def easy_read_letter_lines(
    *, project: Project, sent: YouSaidWeDidSent | None, entries: list[YouSaidWeDid]
) -> list[EasyReadLine]:
    """The Easy Read letter one person is printed: the version they were sent (kept as
    sent), else the one approved now, else the maker's lines."""
    version = sent.easy_read_version if sent is not None else None
    if version is None:
        _, state = you_said_we_did_easy_read_state(project=project, entries=entries)
        version = state.latest if state.approved else None
    if version is None:
        document = you_said_we_did_easy_read(project=project, entries=entries)
        return easy_read_lines(document.source_text)
    return easy_read_selectors.version_lines(
        version=version, organisation_id=project.organisation_id
    )


def you_said_we_did_for(*, project: Project, user_id: int) -> QuerySet[YouSaidWeDid]:
    """What the project published, what concerns the member first: from a meeting they
    came to (`from_meeting`), a form they filled in with their name (`from_feedback`) or
    something they raised in the car park (`from_car_park`); then the newest."""
    came = InvitedPerson.objects.filter(
        meeting=OuterRef("form__meeting"), person__user_id=user_id, attendance=Attendance.CAME
    )
    answered = FeedbackResponse.objects.filter(form=OuterRef("form"), respondent_id=user_id)
    raised = CarParkItem.objects.filter(pk=OuterRef("car_park_item"), raised_by_id=user_id)
    return (
        YouSaidWeDid.objects.filter(project=project, published_at__isnull=False)
        .select_related("form__meeting", "car_park_item")
        .annotate(
            from_meeting=Exists(came), from_feedback=Exists(answered), from_car_park=Exists(raised)
        )
        .annotate(
            concerns_them=Case(
                When(Q(from_meeting=True) | Q(from_feedback=True) | Q(from_car_park=True), then=0),
                default=1,
                output_field=IntegerField(),
            )
        )
        .order_by("concerns_them", "-published_at", "-pk")
    )


def you_said_we_did_entry(*, project: Project, entry_id: int) -> YouSaidWeDid | None:
    return (
        YouSaidWeDid.objects.filter(project=project, pk=entry_id)
        .select_related("form", "car_park_item", "project")
        .first()
    )


def car_park_items_for_choice(*, project: Project) -> list[CarParkItem]:
    return list(CarParkItem.objects.filter(project=project).order_by("-raised_on", "-pk"))


_NOT_TOLD = (
    Q(published_at__isnull=True)
    | Q(shared_at__isnull=True)
    | Q(changed_at__gt=F("shared_at"))
    | Q(status=ThemeStatus.WORKING_ON_IT)
)


@dataclass(frozen=True)
class ClosingTheLoop:
    """Whether people are still waiting to hear back (worked out, never ticked)."""

    themes_waiting: int  # not finished, not published, or not sent since it changed
    forms_without_answer: int  # forms people filled in with nothing said back yet

    @property
    def waiting(self) -> int:
        return self.themes_waiting + self.forms_without_answer

    @property
    def is_closed(self) -> bool:
        return self.waiting == 0

    @property
    def words(self) -> str:
        if self.is_closed:
            return "Everyone has heard back. Nobody is waiting to hear what happened."
        parts = []
        if self.forms_without_answer:
            count = self.forms_without_answer
            parts.append(
                f"{count} feedback form{'s have' if count != 1 else ' has'} answers "
                "but nothing said back yet"
            )
        if self.themes_waiting:
            count = self.themes_waiting
            parts.append(
                f"{count} thing{'s' if count != 1 else ''} people said "
                f"{'are' if count != 1 else 'is'} not finished or not sent to everyone yet"
            )
        return "People are waiting to hear back: " + "; ".join(parts) + "."


def closing_the_loop_expressions(today=None) -> dict[str, Coalesce]:
    """Themes not finished or not told, and forms with answers but no theme, as
    expressions on the project's row."""
    themes = (
        YouSaidWeDid.objects.filter(project=OuterRef("pk"))
        .filter(_NOT_TOLD)
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    forms = (
        FeedbackForm.objects.filter(project=OuterRef("pk"))
        .filter(Exists(FeedbackResponse.objects.filter(form=OuterRef("pk"))))
        .filter(~Exists(YouSaidWeDid.objects.filter(form=OuterRef("pk"))))
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return {
        "themes_waiting": Coalesce(Subquery(themes, output_field=IntegerField()), Value(0)),
        "forms_without_answer": Coalesce(Subquery(forms, output_field=IntegerField()), Value(0)),
    }


def closing_the_loop_from_counts(counts: dict[str, int]) -> ClosingTheLoop:
    return ClosingTheLoop(
        themes_waiting=counts["themes_waiting"],
        forms_without_answer=counts["forms_without_answer"],
    )


def closing_the_loop(*, project: Project) -> ClosingTheLoop:
    """One query: themes not finished or not told, and forms with answers but no theme."""
    return closing_the_loop_from_counts(
        Project.objects.filter(pk=project.pk).values(**closing_the_loop_expressions()).get()
    )


def themes_to_send(*, project: Project) -> list[YouSaidWeDid]:
    """Published entries that not everyone has been sent since they last changed."""
    return list(
        YouSaidWeDid.objects.filter(project=project, published_at__isnull=False).filter(
            Q(shared_at__isnull=True) | Q(changed_at__gt=F("shared_at"))
        )
    )


def people_involved(*, project: Project) -> list[Person]:
    """Everyone involved in the project who has not been erased."""
    return list(
        Person.objects.filter(
            Exists(Involvement.objects.filter(project=project, person=OuterRef("pk"))),
            erased_at__isnull=True,
        ).order_by("full_name", "pk")
    )


def letters_to_post(*, project: Project) -> list[YouSaidWeDidSent]:
    """The letters of the latest sending, for staff to print and post."""
    latest = (
        YouSaidWeDidSent.objects.filter(project=project).order_by("-sent_at").values("sent_at")[:1]
    )
    return list(
        YouSaidWeDidSent.objects.filter(
            project=project, method=SendMethod.POST, sent_at=Subquery(latest)
        )
        .select_related("person", "easy_read_version")
        .order_by("person__full_name", "pk")
    )


def sendings(*, project: Project, limit: int = 50) -> list[YouSaidWeDidSent]:
    return list(
        YouSaidWeDidSent.objects.filter(project=project)
        .select_related("person")
        .annotate(entry_count=Count("entries"))
        .order_by("-sent_at", "-pk")[:limit]
    )


# Self-reflection and lessons ---------------------------------------------------------


def reflections_visible(*, project: Project, user) -> list[Reflection]:
    """Your own reflections, and those others have shared with the project."""
    return list(
        Reflection.objects.filter(project=project)
        .filter(Q(author=user) | Q(shared_at__isnull=False))
        .select_related("author", "meeting")
    )


def reflection(*, project: Project, reflection_id: int) -> Reflection | None:
    return (
        Reflection.objects.filter(project=project, pk=reflection_id)
        .select_related("author", "meeting")
        .first()
    )


def lessons(*, project: Project) -> list[Lesson]:
    return list(Lesson.objects.filter(project=project).select_related("written_by"))


def lesson(*, project: Project, lesson_id: int) -> Lesson | None:
    return Lesson.objects.filter(project=project, pk=lesson_id).first()


def organisation_lessons(*, organisation: Organisation) -> list[Lesson]:
    return list(
        Lesson.objects.filter(project__organisation=organisation)
        .select_related("project", "written_by")
        .order_by("-created_at", "-pk")[:500]
    )


def feedback_held_about(*, user, organisation_id: int | None = None) -> dict:
    """What feedback holds with a person's name, for `coplan.people.everything_held`:
    their answers to forms that keep names (never closed-box answers: those hold
    nothing that could find them), their self-reflections and their lessons. Only in
    the organisation's projects when `organisation_id` is given."""
    scope = {"project__organisation_id": organisation_id} if organisation_id else {}
    answers = (
        FeedbackAnswer.objects.filter(
            response__respondent=user,
            **(
                {"response__form__project__organisation_id": organisation_id}
                if organisation_id
                else {}
            ),
        )
        .select_related("question__form__project", "response")
        .order_by("question__form__created_at", "question__position", "pk")
    )
    return {
        "named_feedback": [
            {
                "project": answer.question.form.project.name,
                "form": answer.question.form.title,
                "question": answer.question.standard,
                "answer": bank.choice_label(answer.question.kind, answer.choice)
                if answer.choice
                else answer.words,
                "answered_on": answer.response.answered_on.isoformat()
                if answer.response.answered_on
                else None,
            }
            for answer in answers
        ],
        "self_reflections": [
            {
                "project": reflection.project.name,
                "about": reflection.about,
                "answers": reflection.answers,
                "shared": reflection.shared_at is not None,
            }
            for reflection in Reflection.objects.filter(author=user, **scope).select_related(
                "project"
            )
        ],
        "lessons_written": [
            {"project": lesson.project.name, "lesson": lesson.text}
            for lesson in Lesson.objects.filter(written_by=user, **scope).select_related("project")
        ],
    }
