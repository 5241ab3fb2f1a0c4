from django.urls import path

from coplan.meetings.views import catering, invited, meetings, papers, venues

app_name = "meetings"

ORGANISATION = "organisations/<int:organisation_id>/"
VENUE = ORGANISATION + "venues/<int:venue_id>/"
PROJECT = "projects/<int:project_id>/"
MEETING = PROJECT + "meetings/<int:meeting_id>/"
PAPER = MEETING + "papers/<int:paper_id>/"
INVITED = MEETING + "invited/<int:invited_id>/"

urlpatterns = [
    path(ORGANISATION + "venues/", venues.venues, name="venues"),
    path(ORGANISATION + "venues/add/", venues.venue_add, name="venue_add"),
    path(VENUE, venues.venue, name="venue"),
    path(VENUE + "change/", venues.venue_edit, name="venue_edit"),
    path(ORGANISATION + "meeting-notice/", venues.notice_policy, name="notice_policy"),
    path(PROJECT + "meetings/", meetings.meetings, name="meetings"),
    path(PROJECT + "meetings/add/", meetings.meeting_add, name="meeting_add"),
    path(MEETING, meetings.meeting, name="meeting"),
    path(MEETING + "change/", meetings.meeting_edit, name="meeting_edit"),
    path(MEETING + "remove/", meetings.meeting_remove, name="meeting_remove"),
    path(MEETING + "paperwork/", papers.paperwork, name="paperwork"),
    path(MEETING + "papers/", papers.papers, name="papers"),
    path(MEETING + "papers/add/", papers.paper_add, name="paper_add"),
    path(PAPER + "change/", papers.paper_edit, name="paper_edit"),
    path(PAPER + "remove/", papers.paper_remove, name="paper_remove"),
    path(MEETING + "invited/", invited.invited, name="invited"),
    path(MEETING + "invited/add/", invited.invite, name="invite"),
    path(INVITED + "reply/", invited.invited_reply, name="invited_reply"),
    path(INVITED + "remove/", invited.invited_remove, name="invited_remove"),
    path(MEETING + "catering/", catering.catering, name="catering"),
    path(MEETING + "catering.txt", catering.catering_text, name="catering_text"),
]
