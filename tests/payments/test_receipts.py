"""Receipts are checked by what is in them, never by their name, and kept privately."""

import datetime
import re
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coplan.payments import receipts, services
from coplan.payments.models import ClaimLine, Receipt
from coplan.projects.roles import Role
from tests.payments.conftest import PDF, jpeg_bytes, png_bytes

pytestmark = pytest.mark.django_db


def test_photos_and_pdfs_are_accepted_by_their_content():
    assert receipts.receipt_check(content=png_bytes()).content_type == "image/png"
    assert receipts.receipt_check(content=jpeg_bytes()).content_type == "image/jpeg"
    assert receipts.receipt_check(content=PDF).content_type == "application/pdf"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"#!/bin/sh\nrm -rf /\n", "must be a photo (JPG or PNG) or a PDF"),
        (b"<script>alert(1)</script>", "must be a photo (JPG or PNG) or a PDF"),
        (b"GIF89a" + b"\x00" * 20, "must be a photo (JPG or PNG) or a PDF"),
        (b"\x89PNG\r\n\x1a\n" + b"not really a png", "cannot be opened"),
        (b"\xff\xd8\xff" + b"<?php echo 1; ?>", "cannot be opened"),
        (b"%PDF-1.4\n no end", "not complete"),
    ],
)
def test_bad_uploads_are_refused_with_a_plain_reason(content, message):
    with pytest.raises(receipts.ReceiptError, match=re.escape(message)):
        receipts.receipt_check(content=content)


def test_a_photo_with_a_chunk_name_that_is_not_letters_is_refused_after_a_pdf_was_made():
    # WeasyPrint (which makes PDFs) lets Pillow read broken images, for the whole process.
    import weasyprint  # noqa: F401 - the state of a server that has made a PDF

    name = b"\xa0abc"  # a chunk with a right checksum: only its name is wrong
    chunk = (0).to_bytes(4, "big") + name + zlib.crc32(name).to_bytes(4, "big")
    photo = png_bytes()
    damaged = photo[:33] + chunk + photo[33:]

    with pytest.raises(receipts.ReceiptError, match="cannot be opened"):
        receipts.receipt_check(content=damaged)


def test_a_file_too_large_is_refused(settings):
    settings.PAYMENTS_RECEIPT_MAX_BYTES = 1024 * 1024

    with pytest.raises(receipts.ReceiptError, match="smaller than 1MB"):
        receipts.receipt_check(content=PDF + b"0" * (1024 * 1024))


def _expense_page(team, client_for, upload):
    claim = services.claim_start(
        project=team.project,
        person=team.person(Role.CO_PRODUCER),
        created_by=team.user(Role.CO_PRODUCER),
        activity="Reading",
        activity_on=datetime.date(2027, 3, 1),
    )
    response = client_for(team.user(Role.CO_PRODUCER)).post(
        f"/projects/{team.project.pk}/payments/claims/{claim.pk}/expenses/add/",
        {
            "category": "public_transport",
            "description": "Bus",
            "amount": "4.50",
            "receipt": upload,
        },
    )
    return response


def test_a_script_named_jpg_is_refused_beside_the_field_and_nothing_is_saved(
    team, client_for, settings
):
    upload = SimpleUploadedFile("ticket.jpg", b"#!/bin/sh\necho hi\n", content_type="image/jpeg")

    response = _expense_page(team, client_for, upload)

    text = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in text
    assert "The selected file must be a photo (JPG or PNG) or a PDF" in text
    assert (ClaimLine.objects.count(), Receipt.objects.count()) == (0, 0)
    assert not list((settings.PRIVATE_MEDIA_ROOT / "receipts").glob("*"))


def test_a_file_over_the_limit_is_refused_through_the_page(team, client_for, settings):
    settings.PAYMENTS_RECEIPT_MAX_BYTES = 100
    upload = SimpleUploadedFile("ticket.pdf", PDF + b" " * 200, content_type="application/pdf")

    response = _expense_page(team, client_for, upload)

    assert "must be smaller than" in response.content.decode()
    assert ClaimLine.objects.count() == 0


def test_a_good_photo_is_kept_outside_the_static_files_under_a_name_we_choose(
    team, client_for, settings
):
    upload = SimpleUploadedFile("../../etc/passwd.png", png_bytes(), content_type="text/plain")

    response = _expense_page(team, client_for, upload)

    assert response.status_code == 302
    receipt = Receipt.objects.get()
    stored = settings.PRIVATE_MEDIA_ROOT / "receipts" / receipt.stored_name
    assert png_bytes() not in stored.read_bytes()  # encrypted at rest
    assert receipts.receipt_read(receipt.stored_name) == png_bytes()
    assert (receipt.content_type, receipt.stored_name.endswith(".png")) == ("image/png", True)
    assert "passwd" not in receipt.stored_name
    assert str(settings.STATIC_ROOT) not in str(stored)
