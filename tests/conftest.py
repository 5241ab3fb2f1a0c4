import pytest
from django.test import Client

from coplan.projects.roles import Role
from tests.factories import MembershipFactory, ProjectFactory, UserFactory


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

    if axe_checked_pages:
        terminalreporter.write_line(
            f"axe-core: {len(axe_checked_pages)} page views checked, "
            f"{len(set(axe_checked_pages))} different pages, zero violations required"
        )
