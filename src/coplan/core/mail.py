"""The local email backend: each message goes to the console and to a folder.

So someone running coplan on a laptop can read invitations and password-reset
emails without a mail server (they land in data/mail/).
"""

from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend


class ConsoleAndFolderBackend(FileBackend):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.console = ConsoleBackend(*args, **kwargs)

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        self.console.send_messages(email_messages)
        return super().send_messages(email_messages)
