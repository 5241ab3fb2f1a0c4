"""The one kind of error a service raises when its rules say no.

Each app names its own (`PlanningRuleError`, `PaymentError`, ...) as a subclass,
so a view catches only its own app's refusals. The message is in plain words for
the person who asked; `field` names the form field it is about, if any.
"""

from django import forms


class RuleError(Exception):
    """Something the rules do not allow, said in plain words."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def add_to(self, form: forms.BaseForm) -> None:
        """Show the message beside the field it names, or above the form.

        A field the form does not have (or none) makes it an error about the
        whole form, so a service can never name a field that breaks the page.
        """
        form.add_error(self.field if self.field in form.fields else None, self.message)
