"""Demo feedback for the demo project: a closed-box form with answers, a "you said,
we did" published, and a lesson. Idempotent: loading it again adds nothing."""

from coplan.feedback import services
from coplan.feedback.models import FeedbackForm, HowAnswered, YouSaidWeDid
from coplan.feedback.services import Given
from coplan.projects.models import Project
from coplan.projects.roles import Role
from coplan.working_together.models import CarParkItem

DEMO_FORM = "Feedback on the first workshop"
DEMO_ANSWERS = [
    ("good", "yes", "The room was too hot in the afternoon."),
    ("good", "yes", ""),
    ("good", "not_sure", "More breaks, please."),
    ("okay", "yes", "The room was too hot."),
    ("good", "yes", ""),
    ("not_good", "no", "I could not hear at the back."),
    ("good", "yes", "Lovely lunch."),
]


def feedback_demo_load(*, project: Project) -> None:
    if FeedbackForm.objects.filter(project=project, title=DEMO_FORM).exists():
        return
    lead = project.memberships.filter(role=Role.LEAD).select_related("user").first()
    by = lead.user if lead else None
    form = services.feedback_form_create(
        project=project,
        title=DEMO_FORM,
        intro=(
            "We want to know what you think, so we can learn and do better. "
            "We will read every answer. We will tell you what we did about what you said."
        ),
        closed_box=True,
        how_answered=HowAnswered.LINK,
        meeting=None,
        bank_keys=["how-was-it", "chance-to-take-part", "do-better"],
        by=by,
    )
    feeling, took_part, better = form.questions.all()
    for index, (felt, said, words) in enumerate(DEMO_ANSWERS):
        services.feedback_answer_record(
            form=form,
            answers={
                feeling.pk: Given(choice=felt),
                took_part.pk: Given(choice=said),
                better.pk: Given(words=words),
            },
            on_paper=index % 3 == 0,
        )
    entry = services.you_said_we_did_add(
        project=project,
        you_said="The room was too hot in the afternoon, and people at the back could not hear.",
        we_did=(
            "We have booked a cooler room with a hearing loop for the next workshop, "
            "and the facilitator will use a microphone."
        ),
        status="done",
        form=form,
        by=by,
    )
    services.you_said_we_did_publish(entry=entry)
    item = CarParkItem.objects.filter(project=project).order_by("pk").first()
    if item is not None and not YouSaidWeDid.objects.filter(car_park_item=item).exists():
        services.you_said_we_did_add(
            project=project,
            you_said=item.text,
            we_did="",
            status="working_on_it",
            car_park_item=item,
            by=by,
        )
    services.lesson_add(
        project=project,
        text="Check the room's heating and hearing loop when booking, not on the day.",
        by=by,
    )
