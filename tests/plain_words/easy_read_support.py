"""What the tests of every document's Easy Read version share: finding a line by the
maker's words, and sending the change-a-line form."""


def line_number(state, starts: str) -> int:
    """The number (from 1) of the first line whose maker's words start with `starts`."""
    return next(n for n, line in enumerate(state.lines, start=1) if line.source.startswith(starts))


def post_line(client, lines_url: str, number: int, **fields):
    """Send line `number`'s form (`lines_url` is the address its lines are under, ending
    "lines/"): its words and picture ("" if not given), and a heading if `heading`."""
    data = {"words": "", "picture": "", **fields}
    if data.pop("heading", False):
        data["heading"] = "on"
    return client.post(f"{lines_url}{number}/", data)
