from django.apps import AppConfig


class MeetingInvitationsConfig(AppConfig):
    name = "coplan.meeting_invitations"
    label = "meeting_invitations"
    verbose_name = "Invitations to meetings"

    def ready(self) -> None:
        from coplan.meeting_invitations.contributions import register

        register()
