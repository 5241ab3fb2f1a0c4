from django.urls import path

from coplan.meetings import views

app_name = "meetings"

ORGANISATION = "organisations/<int:organisation_id>/"
VENUE = ORGANISATION + "venues/<int:venue_id>/"
PROJECT = "projects/<int:project_id>/"
MEETING = PROJECT + "meetings/<int:meeting_id>/"
PAPER = MEETING + "papers/<int:paper_id>/"
INVITED = MEETING + "invited/<int:invited_id>/"

urlpatterns = [
    path(ORGANISATION + "venues/", views.venues, name="venues"),
    path(ORGANISATION + "venues/add/", views.venue_add, name="venue_add"),
    path(VENUE, views.venue, name="venue"),
    path(VENUE + "change/", views.venue_edit, name="venue_edit"),
    path(ORGANISATION + "meeting-notice/", views.notice_policy, name="notice_policy"),
    path(PROJECT + "meetings/", views.meetings, name="meetings"),
    path(PROJECT + "meetings/add/", views.meeting_add, name="meeting_add"),
    path(MEETING, views.meeting, name="meeting"),
    path(MEETING + "change/", views.meeting_edit, name="meeting_edit"),
    path(MEETING + "remove/", views.meeting_remove, name="meeting_remove"),
    path(MEETING + "paperwork/", views.paperwork, name="paperwork"),
    path(MEETING + "papers/", views.papers, name="papers"),
    path(MEETING + "papers/add/", views.paper_add, name="paper_add"),
    path(PAPER + "change/", views.paper_edit, name="paper_edit"),
    path(PAPER + "remove/", views.paper_remove, name="paper_remove"),
    path(MEETING + "invited/", views.invited, name="invited"),
    path(MEETING + "invited/add/", views.invite, name="invite"),
    path(INVITED + "reply/", views.invited_reply, name="invited_reply"),
    path(INVITED + "remove/", views.invited_remove, name="invited_remove"),
    path(MEETING + "catering/", views.catering, name="catering"),
    path(MEETING + "catering.txt", views.catering_text, name="catering_text"),
]
