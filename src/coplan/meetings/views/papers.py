"""Papers to send in advance, and the forms and paperwork checklist."""

from django.http import HttpRequest, HttpResponse

from coplan.core.http import or_404, posted
from coplan.meetings import checks, rules, selectors, services
from coplan.meetings.forms import PaperForm, PaperworkForm, paper_initial, paperwork_initial
from coplan.meetings.presenters import format_list, missing_format_words, paper_tag
from coplan.meetings.views.base import SECTION, meeting_of, meeting_url
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(rules.EDIT_MEETINGS)
def paperwork(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    form = PaperworkForm(
        posted(request), initial=paperwork_initial(selectors.paperwork(meeting=found))
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.paperwork_update(
            meeting=found, statuses=form.statuses(), notes=form.notes()
        ),
        saved="The paperwork checklist has been saved.",
        heading="Forms and paperwork",
        button="Save paperwork",
        back=meeting_url("meeting", membership, found),
        intro=[
            "What forms and paperwork will you need? Mark each one ready, "
            "or not needed for this meeting."
        ],
        caption=found.title,
    )


@project_view(rules.EDIT_MEETINGS)
def papers(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    checkup = selectors.meeting_checkup(meeting=found)
    return SECTION.page(
        request,
        membership,
        "meetings/papers.html",
        meeting=found,
        caption=found.title,
        back=meeting_url("meeting", membership, found),
        back_text="Back to the meeting",
        papers=checkup.papers,
        paper_checks={check.key: check for check in checkup.readiness.papers},
        asked=sorted(checks.formats_asked(invitees=selectors.invitees(checkup.invited)).items()),
        paper_tag=paper_tag,
        format_list=format_list,
        format_words=checks.format_words,
        missing_format_words=missing_format_words,
    )


@project_view(rules.EDIT_MEETINGS)
def paper_add(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    form = PaperForm(posted(request), meets_on=found.meets_on)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.paper_create(meeting=found, **form.service_arguments()),
        saved=lambda added: f"‘{added.title}’ has been added to the papers.",
        heading="Add a paper to send in advance",
        button="Add paper",
        back=meeting_url("papers", membership, found),
        intro=[
            "People need time to absorb and understand information in order to be able to "
            "participate meaningfully."
        ],
        caption=found.title,
    )


@project_view(rules.EDIT_MEETINGS)
def paper_edit(
    request: HttpRequest, membership: Membership, meeting_id: int, paper_id: int
) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    paper = or_404(selectors.paper(meeting=found, paper_id=paper_id))
    form = PaperForm(posted(request), meets_on=found.meets_on, initial=paper_initial(paper))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.paper_update(paper=paper, **form.service_arguments()),
        saved=f"‘{paper.title}’ has been saved.",
        heading=f"Change ‘{paper.title}’",
        button="Save paper",
        back=meeting_url("papers", membership, found),
        caption=found.title,
    )


@project_view(rules.EDIT_MEETINGS)
def paper_remove(
    request: HttpRequest, membership: Membership, meeting_id: int, paper_id: int
) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    paper = or_404(selectors.paper(meeting=found, paper_id=paper_id))
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.paper_remove(paper=paper),
        removed=f"‘{paper.title}’ has been removed from the papers.",
        heading=f"Remove ‘{paper.title}’?",
        back=meeting_url("papers", membership, found),
        cannot_undo=True,
        caption=found.title,
    )
