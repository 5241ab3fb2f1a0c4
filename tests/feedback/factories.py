"""Factories for feedback (kept beside its tests, so tests/factories.py stays small)."""

import factory

from coplan.feedback.models import (
    FeedbackForm,
    FeedbackQuestion,
    HowAnswered,
    Lesson,
    Reflection,
    YouSaidWeDid,
)
from tests.factories import ProjectFactory


class FeedbackFormFactory(factory.django.DjangoModelFactory):
    """A closed box, open, filled in by one link; no questions unless asked for."""

    class Meta:
        model = FeedbackForm

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Feedback on workshop {n}")
    intro = "We want to know what you think, so we can do better."
    closed_box = True
    how_answered = HowAnswered.LINK
    token = factory.Sequence(lambda n: f"form-link-token-{n:06d}-abcdefghijklmnop")


class FeedbackQuestionFactory(factory.django.DjangoModelFactory):
    """How was the meeting? Good, okay or not good."""

    class Meta:
        model = FeedbackQuestion

    form = factory.SubFactory(FeedbackFormFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = "feeling"
    standard = "Overall, how was the meeting for you?"
    easy_read = "How was the meeting?"
    feeling = "said the meeting was"
    bank_key = "how-was-it"


class WordsQuestionFactory(FeedbackQuestionFactory):
    kind = "words"
    standard = "What could we do better next time?"
    easy_read = "What could be better next time?"
    feeling = ""
    bank_key = "do-better"


class YouSaidWeDidFactory(factory.django.DjangoModelFactory):
    """Not published, still being worked on."""

    class Meta:
        model = YouSaidWeDid

    project = factory.SubFactory(ProjectFactory)
    you_said = "The room was too hot."
    we_did = ""
    status = "working_on_it"


class ReflectionFactory(factory.django.DjangoModelFactory):
    """Private to its author."""

    class Meta:
        model = Reflection

    project = factory.SubFactory(ProjectFactory)
    author = factory.SubFactory("tests.factories.UserFactory")
    about = "The first workshop"
    answers = factory.LazyFunction(lambda: {"how-did-it-go": "Well, mostly."})


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    project = factory.SubFactory(ProjectFactory)
    text = "Book a room with a hearing loop before sending invitations."
