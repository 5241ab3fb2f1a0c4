"""Invitations, replies, reminders, calendar files and attendance.

Project pages go through `projects.access.project_view`. The reply link and the
calendar feed carry a signed token instead of a sign-in (see `links`).
"""

from django.urls import path

from coplan.meeting_invitations import views

app_name = "meeting_invitations"

MEETING = "projects/<int:project_id>/meetings/<int:meeting_id>/"
INVITED = MEETING + "invited/<int:invited_id>/"

urlpatterns = [
    path(MEETING + "invitation/", views.invitation, name="invitation"),
    path(MEETING + "invitation/send/", views.invitation_send, name="invitation_send"),
    path(INVITED + "send-again/", views.invitation_send_again, name="invitation_send_again"),
    path(INVITED + "letter.pdf", views.letter, name="letter"),
    path(MEETING + "attendance/", views.attendance, name="attendance"),
    path(MEETING + "calendar.ics", views.meeting_calendar, name="meeting_calendar"),
    path("meeting-reply/<str:token>/", views.reply, name="reply"),
    path("meeting-reply/<str:token>/calendar.ics", views.reply_calendar, name="reply_calendar"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
]
