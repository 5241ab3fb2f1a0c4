from coplan.api import services
from coplan.projects.roles import Role


def tokens_for(memberships) -> dict[Role, str]:
    """A read token for each member, by role."""
    return {
        role: services.access_token_create(
            user=membership.user, name="Test", scope="read", days=30
        ).token
        for role, membership in memberships.items()
    }


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
