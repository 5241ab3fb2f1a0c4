"""Who may do what with telling people.

- Every signed-in person sees their own updates and chooses what they are sent; nobody
  sees anyone else's updates: the Updates page reads only the signed-in person's.
- Only an organisation's admins set or remove its GOV.UK Notify account
  (`organisations.access.organisation_admin_view`, `organisations.rules.may_manage_staff`).
- Messages about money and security are always sent, straight away: nobody can turn them
  off or put them in a daily summary.
"""

from coplan.notifications.kinds import Kind


def kind_may_be_chosen(kind: Kind) -> bool:
    """Whether a person may choose when, or whether, to get this kind of message."""
    return not kind.is_always_sent
