"""Receipts kept in an S3-compatible bucket (COPLAN_PRIVATE_STORAGE=s3), against a real
S3-compatible server the tests start (moto's, over HTTP on 127.0.0.1): the same pages work,
the bucket only ever holds encrypted bytes, erasure and the orphan tidy reach the objects."""

import datetime
import types
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from coplan.payments import receipts, selectors
from coplan.payments.models import Claim, Receipt
from coplan.people import services as people_services
from coplan.projects.roles import Role
from tests.payments.conftest import PDF, png_bytes
from tests.payments.test_receipts import _expense_page

pytestmark = pytest.mark.django_db


def _upload(team, client_for):
    upload = SimpleUploadedFile("ticket.png", png_bytes(), content_type="image/png")
    assert _expense_page(team, client_for, upload).status_code == 302
    return Receipt.objects.select_related("line__claim").get()


def _receipt_page(team, receipt):
    return (
        f"/projects/{team.project.pk}/payments/claims/{receipt.line.claim_id}"
        f"/lines/{receipt.line_id}/receipt/"
    )


def test_a_receipt_uploaded_by_a_co_producer_is_read_back_by_finance_from_the_bucket(
    team, client_for, s3_private_storage, settings
):
    receipt = _upload(team, client_for)

    page = client_for(team.user(Role.FINANCE)).get(_receipt_page(team, receipt))

    assert page.status_code == 200
    assert page["Content-Type"] == "image/png"
    assert page.content == png_bytes()
    assert s3_private_storage.keys() == [f"private/receipts/{receipt.stored_name}"]
    assert not (settings.PRIVATE_MEDIA_ROOT / "receipts").exists()  # nothing on this disk


def test_the_object_in_the_bucket_is_encrypted(team, client_for, s3_private_storage):
    receipt = _upload(team, client_for)

    kept = s3_private_storage.read(f"private/receipts/{receipt.stored_name}")

    assert png_bytes() not in kept
    assert b"PNG" not in kept
    assert receipts.receipt_read(receipt.stored_name) == png_bytes()


def test_a_missing_object_is_a_not_found_page_not_an_error(team, client_for, s3_private_storage):
    receipt = _upload(team, client_for)
    s3_private_storage.client.delete_object(
        Bucket=s3_private_storage.name, Key=f"private/receipts/{receipt.stored_name}"
    )

    page = client_for(team.user(Role.FINANCE)).get(_receipt_page(team, receipt))

    assert page.status_code == 404


def test_erasing_the_person_deletes_their_receipt_from_the_bucket(
    team, client_for, s3_private_storage, django_capture_on_commit_callbacks
):
    receipt = _upload(team, client_for)
    person = team.person(Role.CO_PRODUCER)
    assert len(s3_private_storage.keys()) == 1

    with django_capture_on_commit_callbacks(execute=True):
        people_services.person_erase(person=person, actor=team.user(Role.LEAD), where="test")

    assert s3_private_storage.keys() == []
    assert not Receipt.objects.exists()
    claim = Claim.objects.get(pk=receipt.line.claim_id)
    assert (claim.person.full_name, claim.lines.get().amount_pence) == ("Erased person", 450)


def _orphans_command(*arguments):
    out = StringIO()
    call_command("receipts_orphans", *arguments, stdout=out)
    return out.getvalue()


def test_the_orphan_command_removes_an_object_no_receipt_names_and_keeps_the_others(
    team, client_for, s3_private_storage, monkeypatch
):
    kept = _upload(team, client_for)
    orphan = receipts.receipt_store(checked=receipts.receipt_check(content=PDF))
    assert "0 receipt files with no receipt found." in _orphans_command()  # too new yet

    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(selectors, "timezone", types.SimpleNamespace(now=lambda: later))
    listed = _orphans_command()
    removed = _orphans_command("--remove")

    assert orphan in listed
    assert "1 receipt file with no receipt found." in listed
    assert "1 receipt file with no receipt removed." in removed
    assert s3_private_storage.keys() == [f"private/receipts/{kept.stored_name}"]


def test_new_keys_re_encrypt_the_objects_in_the_bucket(
    team, client_for, s3_private_storage, settings
):
    receipt = _upload(team, client_for)
    key = f"private/receipts/{receipt.stored_name}"
    before = s3_private_storage.read(key)

    assert receipts.receipts_rotate() == 1

    assert s3_private_storage.read(key) != before
    assert receipts.receipt_read(receipt.stored_name) == png_bytes()
