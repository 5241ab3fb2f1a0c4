import pytest

from coplan.core.registry import Registry


def test_registry_gives_contributions_in_the_order_they_ask_for():
    registry: Registry[str] = Registry("test")
    registry.register("late", "third", order=30)
    registry.register("early", "first", order=10)
    registry.register("middle", "second", order=20)

    assert list(registry) == ["first", "second", "third"]
    assert registry.items()[0] == ("early", "first")


def test_registry_registering_again_by_name_replaces_not_repeats():
    registry: Registry[str] = Registry("test")
    registry.register("one", "old", order=10)
    registry.register("one", "new", order=10)

    assert list(registry) == ["new"]


def test_registry_two_contributions_at_one_place_is_refused():
    registry: Registry[str] = Registry("test")
    registry.register("one", "a", order=10)

    with pytest.raises(ValueError, match="both ask for place 10"):
        registry.register("two", "b", order=10)


def test_project_menu_and_demo_are_assembled_from_every_app():
    from coplan.core.demo import DEMO
    from coplan.projects.registries import project_nav

    assert [entry.text for entry in project_nav()] == [
        "Overview",
        "Plan",
        "Keeping track",
        "Meetings",
        "Working together",
        "Feedback",
        "Paying people",
        "Project team",
        "Stakeholders and participants",
        "Download data",
    ]
    assert [name for name, _ in DEMO.items()] == [
        "projects",  # first: the organisation, project and people the others fill
        "people",
        "working_together",
        "meetings",
        "invitations",
        "feedback",
        "payments",
        "guides",
        "planning",
    ]
