import pytest

from coplan.guides.engine import Guide, GuideFileError, GuideProblem, guide_read

SMALL_GUIDE = """
[guide]
id = "small"
title = "A small guide"
version = 1

[[facts]]
id = "project-start"
text = "The date the project starts"
kind = "date"

[[facts]]
id = "project-end"
text = "The date the project ends"
kind = "date"

[[sections]]
id = "first"
title = "First things"

[[sections.questions]]
id = "how-much-time"
text = "How much time do I have to do it?"
kind = "duration"

[[sections.questions]]
id = "management-support"
text = "Do I have support from management?"
kind = "yes-no"

[[sections.questions]]
id = "venue"
text = "Is it appropriate/ accessible?"
kind = "checklist"
items = [{ id = "parking", text = "parking" }, { id = "loop-system", text = "loop system" }]

[[sections]]
id = "second"
title = "Second things"

[[sections.questions]]
id = "helpers"
text = "Who do I know who has done co-production?"
kind = "people"

[[sections.questions]]
id = "budget"
text = "How much money is there?"
kind = "money"

[[sections.questions]]
id = "scope"
text = "Can all aspects be co-produced?"
kind = "choice"
options = [{ id = "all", text = "All" }, { id = "some", text = "Some" }]

[[rules]]
id = "too-short"
level = "stop"
message = "Under 6 months: stop."
blocks_from = "helpers"
when = { any = [
  { answer = "how-much-time", less_than = "6 months" },
  { time_between = [{ fact = "project-start" }, { fact = "project-end" }], less_than = "6 months" },
] }

[[rules.ways_forward]]
id = "more-time"
text = "Ask for more time"

[[rules.ways_forward]]
id = "not-fully"
text = "Accept it will not be fully co-produced"
needs_agreement = true

[[rules]]
id = "nobody-to-help"
level = "warning"
message = "Nobody to help."
when = { answer = "helpers", is_empty = true }

[[rules]]
id = "venue-checks"
level = "reminder"
message = "Finish the venue checks."
when = { answer = "venue", all_ticked = false }

[[rules]]
id = "no-support"
level = "warning"
message = "No support."
about = "management-support"
when = { answer = "management-support", is = "no" }
"""


@pytest.fixture
def small_guide() -> Guide:
    return guide_read(SMALL_GUIDE, file="small.toml")


def problems_in(text: str, file: str = "broken.toml") -> list[GuideProblem]:
    with pytest.raises(GuideFileError) as raised:
        guide_read(text, file=file)
    return list(raised.value.problems)


@pytest.fixture
def read_problems():
    return problems_in


@pytest.fixture
def small_guide_text() -> str:
    return SMALL_GUIDE
