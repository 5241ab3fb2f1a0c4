"""Who the demo project affects, placed on the influence and interest grid. Loaded once."""

from coplan.people import services
from coplan.people.choices import GroupCategory, Helper
from coplan.people.models import StakeholderGroup
from coplan.projects.models import Project

# name, category, influence (1 to 5), interest (1 to 5), how reached, who helps (and
# their names), representation aim
DEMO_GROUPS = [
    (
        "People who use day services",
        GroupCategory.USING_SERVICES,
        3,
        5,
        "Visits to each day centre, with Easy Read leaflets and picture cards.",
        (
            [Helper.COLLEAGUES, Helper.COMMUNITY_LEADERS],
            "Day centre managers and the Partnership Board",
        ),
        20,
    ),
    (
        "Families and carers",
        GroupCategory.CARERS,
        3,
        5,
        "Letters sent home through the day centres, and the carers' centre newsletter.",
        ([Helper.OTHER_ORGANISATIONS], "The carers' centre"),
        12,
    ),
    (
        "Day centre staff",
        GroupCategory.COLLEAGUES,
        4,
        4,
        "Team meetings at each centre.",
        ([], ""),
        6,
    ),
    (
        "Bus and taxi companies",
        GroupCategory.OTHER_ORGANISATIONS,
        2,
        2,
        "A letter, then a meeting about transport to the centres.",
        ([Helper.COLLEAGUES], "The transport team"),
        None,
    ),
    (
        "Local councillors",
        GroupCategory.PUBLIC,
        5,
        2,
        "A briefing at the start and a note after each workshop.",
        ([], ""),
        None,
    ),
]


def people_demo_load(*, project: Project) -> None:
    """Add the demo's stakeholder groups, unless the project has some already."""
    if StakeholderGroup.objects.filter(project=project).exists():
        return
    for name, category, influence, interest, how_reached, (helpers, notes), aim in DEMO_GROUPS:
        services.stakeholder_group_create(
            project=project,
            name=name,
            category=category,
            influence=influence,
            interest=interest,
            how_reached=how_reached,
            helpers=[str(helper) for helper in helpers],
            helper_notes=notes,
            representation_aim=aim,
        )
