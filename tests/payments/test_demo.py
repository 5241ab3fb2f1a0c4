import pytest

from coplan.core.demo import demo_data_load
from coplan.payments.models import Claim, PaymentPolicy

pytestmark = pytest.mark.django_db


def test_the_demo_has_rules_and_claims_and_loading_it_again_adds_nothing():
    demo = demo_data_load()
    demo_data_load()

    claims = Claim.objects.filter(project=demo.project).order_by("activity_on")
    assert PaymentPolicy.objects.filter(organisation=demo.organisation).count() == 1
    assert [claim.status for claim in claims] == ["paid", "submitted"]
