"""The private storage: a durable folder by default, with nothing of S3 loaded for it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from coplan.settings import _private_storage

PROGRAM = """
import sys, django
django.setup()
from django.core.files.base import ContentFile
from coplan.core.private_files import private_storage
name = private_storage().save("receipts/a.txt", ContentFile(b"kept"))
print(type(private_storage()).__name__, name, "boto3" in sys.modules, "storages" in sys.modules)
"""


def test_the_default_storage_is_a_folder_and_never_loads_boto3(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coplan.settings",
        "COPLAN_DATA_DIR": str(tmp_path),
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    environment.pop("COPLAN_PRIVATE_STORAGE", None)

    finished = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )

    assert finished.stdout.split() == ["DurableFolderStorage", "receipts/a.txt", "False", "False"]
    assert (tmp_path / "private" / "receipts" / "a.txt").read_bytes() == b"kept"


def test_s3_is_chosen_and_set_up_from_the_environment(monkeypatch):
    monkeypatch.setenv("COPLAN_PRIVATE_STORAGE", "s3")
    monkeypatch.setenv("COPLAN_S3_BUCKET", "council-coplan")
    monkeypatch.setenv("COPLAN_S3_ENDPOINT_URL", "https://objects.example.org")
    monkeypatch.setenv("COPLAN_S3_ACCESS_KEY_ID", "key-id")
    monkeypatch.setenv("COPLAN_S3_SECRET_ACCESS_KEY", "secret")

    chosen = _private_storage()

    assert chosen["BACKEND"] == "storages.backends.s3.S3Storage"
    assert {
        name: chosen["OPTIONS"][name]
        for name in ("bucket_name", "endpoint_url", "access_key", "secret_key", "location")
    } == {
        "bucket_name": "council-coplan",
        "endpoint_url": "https://objects.example.org",
        "access_key": "key-id",
        "secret_key": "secret",
        "location": "private",
    }
    assert chosen["OPTIONS"]["default_acl"] == "private"


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"COPLAN_PRIVATE_STORAGE": "s3"}, "needs COPLAN_S3_BUCKET"),
        ({"COPLAN_PRIVATE_STORAGE": "disk"}, "must be 'folder' or 's3'"),
    ],
)
def test_a_storage_set_up_wrongly_stops_the_app_with_what_to_fix(monkeypatch, environment, message):
    monkeypatch.delenv("COPLAN_S3_BUCKET", raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)

    with pytest.raises(ImproperlyConfigured, match=message):
        _private_storage()


def test_a_file_saved_again_replaces_the_old_one_in_the_folder(settings):
    from django.core.files.base import ContentFile

    from coplan.core.private_files import private_storage

    storage = private_storage()
    storage.save("receipts/same.txt", ContentFile(b"first"))
    saved = storage.save("receipts/same.txt", ContentFile(b"second"))

    folder = Path(settings.PRIVATE_MEDIA_ROOT) / "receipts"
    assert saved == "receipts/same.txt"
    assert [(path.name, path.read_bytes()) for path in folder.iterdir()] == [
        ("same.txt", b"second")
    ]
