"""Invitations, replies, reminders, calendar files and attendance.

Project pages go through `projects.access.project_view`. The reply link and the
calendar feed carry a signed token instead of a sign-in (see `links`).
"""

from django.urls import path

from coplan.meeting_invitations.views import (
    attendance,
    calendar_files,
    easy_read,
    invitation,
    replies,
    yours,
)

app_name = "meeting_invitations"

MEETING = "projects/<int:project_id>/meetings/<int:meeting_id>/"
INVITED = MEETING + "invited/<int:invited_id>/"

urlpatterns = [
    path(MEETING + "invitation/", invitation.invitation, name="invitation"),
    path(MEETING + "invitation/send/", invitation.invitation_send, name="invitation_send"),
    path(
        MEETING + "invitation/easy-read/",
        easy_read.invitation_easy_read,
        name="invitation_easy_read",
    ),
    path(
        MEETING + "invitation/easy-read/approve/",
        easy_read.invitation_easy_read_approve,
        name="invitation_easy_read_approve",
    ),
    path(
        MEETING + "invitation/easy-read/lines/<int:line_number>/",
        easy_read.invitation_easy_read_line,
        name="invitation_easy_read_line",
    ),
    path(
        MEETING + "invitation/easy-read.pdf",
        easy_read.invitation_easy_read_pdf,
        name="invitation_easy_read_pdf",
    ),
    path(INVITED + "send-again/", invitation.invitation_send_again, name="invitation_send_again"),
    path(INVITED + "letter.pdf", invitation.letter, name="letter"),
    path(MEETING + "attendance/", attendance.attendance, name="attendance"),
    path(MEETING + "calendar.ics", calendar_files.meeting_calendar, name="meeting_calendar"),
    path("projects/<int:project_id>/your-meetings/", yours.your_meetings, name="your_meetings"),
    path(MEETING + "your-reply/", yours.your_reply, name="your_reply"),
    path("meeting-reply/<str:token>/", replies.reply, name="reply"),
    path(
        "meeting-reply/<str:token>/calendar.ics",
        calendar_files.reply_calendar,
        name="reply_calendar",
    ),
    path("calendar/<str:token>.ics", calendar_files.feed, name="feed"),
]
