"""Pages for invitations, by area: `invitation` (preview, wording, sending, letters),
`attendance` on the day, `calendar_files`, and `replies`: the reply reached by a
person's own link with no sign-in (as is their calendar feed). `base` holds what
they share."""
