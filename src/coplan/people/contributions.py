"""What the people app adds to what every app shares (see `coplan.core.registry`)."""

from django.urls import reverse

from coplan.accounts.registries import ACCOUNT_LINKS
from coplan.core.api_routers import API_ROUTERS
from coplan.core.bench import BENCH
from coplan.core.demo import DEMO
from coplan.core.jinja2 import template_global_register
from coplan.core.spreadsheets import DATE, NUMBER
from coplan.people import plan_document, rules, selectors, services
from coplan.people.bench import people_bench_seed
from coplan.people.demo import people_demo_load
from coplan.people.easy_read_pages import easy_read_on
from coplan.people.monitoring import SMALL_NUMBER
from coplan.people.needs import CATEGORIES
from coplan.people.presenters import contact_words, format_words
from coplan.projects.models import Membership
from coplan.projects.registries import (
    AFTER_JOINING,
    ANSWER,
    EXPORTS,
    HOME_PANELS,
    NAME,
    NUMBER_OF_PEOPLE,
    PLAN_SECTIONS,
    PROJECT_NAV,
    QUESTION,
    EasyReadPart,
    Export,
    ExportColumn,
    HomePanel,
    NavEntry,
    PlanPart,
    PlanSection,
)
from coplan.projects.roles import Role
from coplan.projects.rules import CO_PRODUCERS


def your_details(membership: Membership) -> dict:
    """On the co-producer's home: how we contact them and whether they told us what they
    need (one query). What they need is health data, shown only on "Your details", where
    every look is written in the log: here, only whether they have told us."""
    person = selectors.person_for_member(membership=membership)
    if person is None or person.erased_at is not None:
        return {"person": None}
    return {
        "person": person,
        "contact": contact_words(person),
        "formats": format_words(person) or "Standard",
        "told_needs": bool(person.needs_token),
    }


TELL_US_ONCE_LINK = "Your access needs and how we contact you"


def _tell_us_once_url(project_id: int) -> str:
    return reverse("people:tell_us_once", kwargs={"project_id": project_id})


def tell_us_once_after_joining(membership: Membership) -> str | None:
    """A co-producer, and anyone who has not told us what they need, is asked next."""
    if membership.role == Role.CO_PRODUCER:
        return _tell_us_once_url(membership.project_id)
    person = selectors.person_for_member(membership=membership)
    if person is None or not person.needs_token:
        return _tell_us_once_url(membership.project_id)
    return None


def tell_us_once_links(user) -> list[tuple[str, str]]:
    """One link for each organisation the person works with ("tell us once" is kept per
    organisation), to the project they joined there most recently."""
    projects = selectors.newest_project_in_each_organisation(user=user)
    if len(projects) == 1:
        return [(TELL_US_ONCE_LINK, _tell_us_once_url(projects[0].pk))]
    return [
        (f"{TELL_US_ONCE_LINK}: {project.organisation.name}", _tell_us_once_url(project.pk))
        for project in projects
    ]


# Downloads ("Download data") ---------------------------------------------------------

ROLE = ExportColumn(
    "Role", "Their part in the project: co-producer, carer, family member, advisor and so on."
)
GROUP = ExportColumn("Stakeholder group", "The stakeholder group they belong to, if any.")
CONTACT_BY = ExportColumn("Contact by", "How they want to be contacted.")
EMAIL = ExportColumn("Email address", "Their email address, if they gave one.")
PHONE = ExportColumn("Phone number", "Their phone number, if they gave one.")
ADDRESS = ExportColumn("Address", "Their postal address, if they gave one.")
FORMATS = ExportColumn(
    "Preferred formats",
    "The formats they want papers in, besides standard print (and which other language).",
)
PHOTOS = ExportColumn(
    "Photos and film",
    "‘Agreed’ if they agreed to be photographed or filmed and have not withdrawn it; "
    "otherwise ‘Do not photograph’.",
)
JOINED = ExportColumn("Joined the project on", "The day they were added to the project.", DATE)
NEEDS = {
    category.code: ExportColumn(
        f"Access needs: {category.label}",
        f"What they told us they need ({category.question.lower()}), and anything they "
        "added in their own words. Health information: only for project leads and "
        "facilitators, who meet these needs.",
        permission=rules.VIEW_ACCESS_NEEDS,
    )
    for category in CATEGORIES
}


def participant_rows(membership: Membership):
    """Each participant, as on the participants page, with their access needs if the
    member may see them (decrypted one person at a time)."""
    with_needs = membership.may(rules.VIEW_ACCESS_NEEDS)
    for involvement in selectors.participants_for_download(project=membership.project):
        person = involvement.person
        agreed = involvement.media_given and not involvement.media_withdrawn_at
        row = {
            NAME.heading: person.full_name,
            ROLE.heading: involvement.get_role_display(),
            GROUP.heading: involvement.group.name if involvement.group else "",
            CONTACT_BY.heading: person.get_contact_by_display() if person.contact_by else "",
            EMAIL.heading: person.email,
            PHONE.heading: person.phone,
            ADDRESS.heading: person.address,
            FORMATS.heading: format_words(person),
            PHOTOS.heading: "Agreed" if agreed else "Do not photograph",
            JOINED.heading: involvement.joined_on,
        }
        if with_needs:
            for category, labels, notes in selectors.person_needs(person=person).described():
                row[NEEDS[category.code].heading] = "; ".join([*labels, *filter(None, [notes])])
        yield row


def participants_download_record(*, membership: Membership, actor, where: str) -> None:
    """Everyone in the file is written down as downloaded; their access needs as seen."""
    project = membership.project
    services.people_download_record(
        people=selectors.project_people(project=project), project=project, actor=actor, where=where
    )
    if membership.may(rules.VIEW_ACCESS_NEEDS):
        services.needs_view_record_project(project=project, actor=actor, where=where)


AIM = ExportColumn(
    "Aim", "How many people with this answer the project aims to involve, if it set an aim.", NUMBER
)
NOT_SHOWN = f"Not shown: fewer than {SMALL_NUMBER} people filled in the form"


def monitoring_rows(membership: Membership):
    """The totals as on the equality monitoring page: how many filled in the form, then
    each answer's total, with small numbers hidden the same way (`monitoring.suppress`)."""
    total, questions = selectors.monitoring_report(project=membership.project)
    yield {
        QUESTION.heading: "Everyone",
        ANSWER.heading: "Filled in the form",
        NUMBER_OF_PEOPLE.heading: total,
    }
    for report in questions:
        for cell in report.cells:
            if total < SMALL_NUMBER:
                shown = NOT_SHOWN
            else:
                shown = cell.shown if cell.suppressed else cell.count
            yield {
                QUESTION.heading: report.question.label,
                ANSWER.heading: cell.label,
                NUMBER_OF_PEOPLE.heading: shown,
                AIM.heading: report.aims.get(cell.answer),
            }


def register() -> None:
    API_ROUTERS.register("people", "coplan.people.api", order=40)
    # Whether a participant's page is in Easy Read (the switch on every page they see).
    template_global_register("easy_read_on", easy_read_on)
    PROJECT_NAV.register(
        "involvement",
        NavEntry(
            "involvement",
            "people:home",
            "Stakeholders and participants",
            # Those who plan who to involve and read representation; each person's own
            # details are reached from their home and "Your account".
            roles=frozenset({Role.LEAD, Role.FACILITATOR, Role.MANAGER}),
        ),
        order=90,
    )
    HOME_PANELS.register(
        "your_details",
        HomePanel(CO_PRODUCERS, "people/_home_your_details.html", your_details),
        order=131,
    )
    AFTER_JOINING.register("tell_us_once", tell_us_once_after_joining, order=10)
    ACCOUNT_LINKS.register("tell_us_once", tell_us_once_links, order=10)
    PLAN_SECTIONS.register(
        "stakeholders",
        PlanSection(
            "Stakeholders: influence and interest",
            "people/_plan_stakeholders.html",
            plan_document.stakeholders,
            permission=rules.VIEW_STAKEHOLDERS,
            for_participants=PlanPart(
                "The groups of people we want to take part",
                "people/_plan_groups_for_participants.html",
                plan_document.groups_for_participants,
            ),
            easy_read=EasyReadPart("Who we want to take part", plan_document.groups_easy_read),
            size=plan_document.size,
        ),
        order=30,
    )
    PLAN_SECTIONS.register(
        "representation",
        PlanSection(
            "Representation against aims",
            "people/_plan_representation.html",
            plan_document.representation,
            permission=rules.VIEW_STAKEHOLDERS,
            for_participants=PlanPart(
                "Who is taking part, and who is missing",
                "people/_plan_representation.html",
                plan_document.representation,
            ),
            easy_read=EasyReadPart("Who is missing", plan_document.missing_easy_read),
        ),
        order=35,
    )
    EXPORTS.register(
        "participants",
        Export(
            "Participants",
            "Everyone the project involves: their role, group, how to contact them, the "
            "formats they want, whether they may be photographed and, for those who meet "
            "them, their access needs. One row a person.",
            rules.VIEW_PARTICIPANTS,
            (
                NAME,
                ROLE,
                GROUP,
                CONTACT_BY,
                EMAIL,
                PHONE,
                ADDRESS,
                FORMATS,
                PHOTOS,
                JOINED,
                *NEEDS.values(),
            ),
            participant_rows,
            record=participants_download_record,
        ),
        order=10,
    )
    EXPORTS.register(
        "equality-monitoring",
        Export(
            "Equality monitoring totals",
            "How many people filled in the equality monitoring form, and how many gave each "
            f"answer, against what the project aims for. Totals from 1 to {SMALL_NUMBER - 1} "
            "are hidden, as on the page, so nobody can be picked out.",
            rules.VIEW_MONITORING,
            (QUESTION, ANSWER, NUMBER_OF_PEOPLE, AIM),
            monitoring_rows,
        ),
        order=50,
    )
    DEMO.register("people", lambda demo: people_demo_load(project=demo.project), order=10)
    BENCH.register("people", people_bench_seed, order=10)
