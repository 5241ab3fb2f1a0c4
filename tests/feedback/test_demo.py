import pytest

from coplan.core.demo import demo_data_load
from coplan.feedback import selectors
from coplan.feedback.models import FeedbackForm, FeedbackResponse, Lesson, YouSaidWeDid

pytestmark = pytest.mark.django_db


def test_demo_has_a_closed_box_with_answers_and_a_you_said_we_did_once():
    demo = demo_data_load()
    demo_data_load()

    form = FeedbackForm.objects.get()
    results = selectors.feedback_results(form=form)
    assert (form.project, form.closed_box) == (demo.project, True)
    assert FeedbackResponse.objects.count() == 7
    assert results.general_feeling[0] == "Most people (5 of 7) said the meeting was good."
    assert YouSaidWeDid.objects.filter(published_at__isnull=False).count() == 1
    assert Lesson.objects.count() == 1
