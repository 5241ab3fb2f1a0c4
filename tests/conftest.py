import secrets
import socket

import pytest
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from coplan.projects.roles import Role
from tests.factories import MembershipFactory, ProjectFactory, UserFactory

# Property tests must not fail because the machine is busy: no time limit per example,
# and no "too slow" health check (what they check is behaviour, never speed).
hypothesis_settings.register_profile(
    "coplan", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("coplan")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is slow on purpose; tests that are not about passwords use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _two_step_sign_in_only_where_tested(settings):
    """Tests that sign in through the page as finance or an admin are not about the
    second step; tests/accounts/test_two_step.py and the production test turn it on."""
    settings.TWO_STEP_REQUIRED = False


@pytest.fixture(autouse=True)
def _private_files_in_a_temporary_folder(settings, tmp_path_factory):
    """Receipts and other private uploads never land in the real data folder."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path_factory.mktemp("private")


class Bucket:
    """An S3 bucket on the S3-compatible server the tests start, read with boto3 directly
    (not through coplan), to see what is really kept there."""

    def __init__(self, client, name: str, prefix: str) -> None:
        self.client, self.name, self.prefix = client, name, prefix

    def keys(self) -> list[str]:
        listed = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listed.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def put(self, key: str, content: bytes) -> None:
        self.client.put_object(Bucket=self.name, Key=key, Body=content)


@pytest.fixture(scope="session")
def s3_server():
    """A real S3-compatible server (moto's, over HTTP) on 127.0.0.1 and a free port."""
    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_private_storage(s3_server, settings, monkeypatch):
    """Private files kept in a new, empty bucket on the test S3 server, set up by the
    environment variables the README documents."""
    import boto3

    from coplan.settings import _private_storage

    name = f"coplan-{secrets.token_hex(6)}"
    environment = {
        "COPLAN_PRIVATE_STORAGE": "s3",
        "COPLAN_S3_BUCKET": name,
        "COPLAN_S3_ENDPOINT_URL": s3_server,
        "COPLAN_S3_REGION": "eu-west-2",
        "COPLAN_S3_ACCESS_KEY_ID": "coplan-test",
        "COPLAN_S3_SECRET_ACCESS_KEY": "coplan-test-secret",
        "COPLAN_S3_ADDRESSING_STYLE": "path",
    }
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="eu-west-2",
        aws_access_key_id="coplan-test",
        aws_secret_access_key="coplan-test-secret",
    )
    client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    settings.STORAGES = {**settings.STORAGES, "private": _private_storage()}
    return Bucket(client, name, prefix="private/")


@pytest.fixture
def project(db):
    return ProjectFactory()


@pytest.fixture
def lead(project):
    return MembershipFactory(project=project, role=Role.LEAD).user


@pytest.fixture
def member_of(project):
    """Make a person with the given role in the project and return them."""

    def make(role: str, project_=None):
        return MembershipFactory(project=project_ or project, role=role).user

    return make


@pytest.fixture
def client_for():
    """A test client signed in as the given person."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def stranger(db):
    """Someone signed in who belongs to no project."""
    return UserFactory()


def pytest_terminal_summary(terminalreporter):
    from tests.browser.conftest import axe_checked_pages
    from tests.core.drill_server import figures
    from tests.drills import figures_lines

    for line in figures_lines():
        terminalreporter.write_line(line)
    for figure in figures:
        terminalreporter.write_line(f"drill: {figure}")

    if axe_checked_pages:
        terminalreporter.write_line(
            f"axe-core: {len(axe_checked_pages)} page views checked, "
            f"{len(set(axe_checked_pages))} different pages, zero violations required"
        )
