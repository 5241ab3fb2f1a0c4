"""What the people app adds to what every app shares (see `coplan.core.registry`)."""

from coplan.projects.registries import PROJECT_NAV, NavEntry


def register() -> None:
    PROJECT_NAV.register(
        "involvement",
        NavEntry("involvement", "people:home", "Stakeholders and participants"),
        order=90,
    )
