"""`coplan backup` and restore with the private files in an S3-compatible bucket (on the
real S3-compatible server the tests start): the archive holds the bucket's objects as they
are kept (encrypted), and restore puts them into an empty bucket, refusing one in use."""

import tarfile

import pytest
from django.conf import settings
from django.core.management import call_command
from storages.backends.s3 import S3Storage

from coplan.core.backup import BackupError, restore_backup
from coplan.core.private_files import private_storage
from coplan.payments import receipts
from tests.payments.conftest import PDF


def _receipt_kept_in_the_bucket(bucket) -> tuple[str, bytes]:
    name = receipts.receipt_store(checked=receipts.receipt_check(content=PDF))
    key = f"receipts/{name}"
    return key, bucket.read(bucket.prefix + key)


def _another_bucket(bucket) -> S3Storage:
    name = f"{bucket.name}-restored"
    bucket.client.create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    return S3Storage(**{**settings.STORAGES["private"]["OPTIONS"], "bucket_name": name})


def test_a_backup_holds_the_bucket_s_files_and_restores_them_into_an_empty_bucket(
    tmp_path, fresh_database, s3_private_storage
):
    key, kept = _receipt_kept_in_the_bucket(s3_private_storage)
    archive = tmp_path / "coplan.tar"

    call_command("backup", str(archive))

    with tarfile.open(archive) as backup:
        assert [name for name in backup.getnames() if name.startswith("private/")] == [
            f"private/{key}"
        ]
        assert backup.extractfile(f"private/{key}").read() == kept
    assert PDF not in kept  # still encrypted in the archive
    with pytest.raises(BackupError, match=r"bucket .* is not empty"):
        restore_backup(archive, fresh_database, private_storage())
    other = _another_bucket(s3_private_storage)

    restored = restore_backup(archive, fresh_database, other)

    assert restored.files == 1
    assert (
        s3_private_storage.client.get_object(
            Bucket=other.bucket_name, Key=s3_private_storage.prefix + key
        )["Body"].read()
        == kept
    )
