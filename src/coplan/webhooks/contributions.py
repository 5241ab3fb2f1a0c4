"""What the webhooks app adds to what every app shares (see `coplan.core.registry`):
it listens to what happens (`coplan.core.events`), and its secrets are re-encrypted with
everything else when the keys change. It holds nothing about a person, so it adds
nothing to a person's export or erasure."""

from coplan.core.events import LISTENERS
from coplan.people.services import KEY_ROTATIONS
from coplan.webhooks import services


def register() -> None:
    LISTENERS.register("webhooks", services.event_heard, order=10)
    KEY_ROTATIONS.register(
        "webhooks", lambda: [f"{services.webhooks_reencrypt()} webhook secrets"], order=95
    )
