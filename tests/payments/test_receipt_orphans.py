"""Receipt files left without a receipt (a crash between writing the file and saving its
row) are found and removed after an hour; everything else is kept; writes leave nothing
half-done behind."""

import datetime
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from coplan.core import private_files
from coplan.core.private_files import private_storage
from coplan.payments import receipts
from coplan.payments.models import Receipt
from coplan.payments.tasks import receipts_tidy_task
from tests.payments.conftest import PDF, png_bytes
from tests.payments.test_receipts import _expense_page

pytestmark = pytest.mark.django_db


def _path(stored_name: str) -> Path:
    """Where the default private storage (a folder on this machine) keeps a receipt."""
    return Path(private_storage().path(f"receipts/{stored_name}"))


def _stored_file(*, hours_old: float):
    name = receipts.receipt_store(checked=receipts.receipt_check(content=PDF))
    path = _path(name)
    written = (datetime.datetime.now() - datetime.timedelta(hours=hours_old)).timestamp()
    os.utime(path, (written, written))
    return path


def _run(*arguments):
    out = StringIO()
    call_command("receipts_orphans", *arguments, stdout=out)
    return out.getvalue()


def test_a_file_with_no_receipt_older_than_an_hour_is_listed_then_removed():
    orphan = _stored_file(hours_old=2)

    listed = _run()
    assert orphan.name in listed
    assert "1 receipt file with no receipt found." in listed
    assert orphan.exists()

    removed = _run("--remove")
    assert "1 receipt file with no receipt removed." in removed
    assert not orphan.exists()


def test_a_file_being_uploaded_now_is_kept():
    new = _stored_file(hours_old=0.5)

    assert "0 receipt files with no receipt removed." in _run("--remove")
    assert new.exists()


def test_a_file_a_receipt_names_is_kept_however_old(team, client_for):
    upload = SimpleUploadedFile("ticket.png", png_bytes(), content_type="image/png")
    assert _expense_page(team, client_for, upload).status_code == 302
    path = _path(Receipt.objects.get().stored_name)
    os.utime(path, (0, 0))

    _run("--remove")

    assert path.exists()
    assert receipts.receipt_read(path.name) == png_bytes()


def test_writing_a_receipt_leaves_only_the_file_itself():
    name = receipts.receipt_store(checked=receipts.receipt_check(content=PDF))

    receipts.receipts_rotate()

    folder = _path(name).parent
    assert [path.name for path in folder.iterdir()] == [name]
    assert oct(_path(name).stat().st_mode & 0o777) == "0o600"
    assert receipts.receipt_read(name) == PDF


def test_a_write_that_fails_part_way_leaves_nothing_behind(monkeypatch, settings):
    def disk_gone(descriptor):
        raise OSError("No space left on device")

    monkeypatch.setattr(private_files.os, "fsync", disk_gone)

    with pytest.raises(OSError, match="No space"):
        receipts.receipt_store(checked=receipts.receipt_check(content=PDF))

    assert list((settings.PRIVATE_MEDIA_ROOT / "receipts").iterdir()) == []


def test_saving_a_receipt_starts_the_daily_tidy_which_keeps_itself_queued(
    team, client_for, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("ticket.png", png_bytes(), content_type="image/png")
    with django_capture_on_commit_callbacks(execute=True):
        _expense_page(team, client_for, upload)
    waiting = DBTaskResult.objects.filter(
        task_path=receipts_tidy_task.module_path, status=TaskResultStatus.READY
    )
    assert waiting.count() == 1
    orphan = _stored_file(hours_old=25)

    assert receipts_tidy_task.call() == {"receipt_files_removed": 1}

    assert not orphan.exists()
    assert waiting.count() == 1
