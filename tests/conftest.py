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
    from tests.drills import figures_lines

    for line in figures_lines():
        terminalreporter.write_line(line)

    if axe_checked_pages:
        terminalreporter.write_line(
            f"axe-core: {len(axe_checked_pages)} page views checked, "
            f"{len(set(axe_checked_pages))} different pages, zero violations required"
        )
