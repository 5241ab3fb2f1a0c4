from django.apps import AppConfig


class MeetingInvitationsConfig(AppConfig):
    name = "coplan.meeting_invitations"
    label = "meeting_invitations"
    verbose_name = "Invitations to meetings"

    def ready(self) -> None:
        from coplan.meeting_invitations.contributions import meeting_page_links
        from coplan.meeting_invitations.telling import KINDS
        from coplan.meetings.contributions import meeting_links_register
        from coplan.notifications.kinds import kinds_register

        kinds_register(KINDS)
        meeting_links_register(meeting_page_links)
