"""What the API answers with: each schema says exactly which fields a caller gets."""

import datetime

from ninja import Field, Schema


class PageLinks(Schema):
    count: int
    page: int
    per_page: int
    next: str | None
    previous: str | None


class GuideReadiness(Schema):
    guide: str
    title: str
    status: str
    summary: str
    answered: int
    total: int
    stops: int
    warnings: int
    reminders: int


class OpenProblem(Schema):
    guide: str
    level: str
    message: str
    waiting_for_agreement: bool


class ProjectOut(Schema):
    id: int
    name: str
    description: str
    organisation: str
    your_role: str
    start_date: datetime.date
    end_date: datetime.date
    readiness: list[GuideReadiness]
    open_problems: list[OpenProblem]


class ProjectPage(PageLinks):
    items: list[ProjectOut]


class MeetingCheck(Schema):
    key: str
    title: str
    ready: bool
    summary: str
    next_step: str


class Replies(Schema):
    no_reply: int
    in_person: int
    online: int
    not_coming: int


class MeetingOut(Schema):
    id: int
    title: str
    format: str
    date: datetime.date
    # Local time where the meeting is (the service's time zone), as people say it.
    starts_at: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$", examples=["10:00"])
    length_minutes: int
    venue: str | None
    invited: int
    ready: bool | None
    checks: list[MeetingCheck] | None
    replies: Replies | None


class MeetingPage(PageLinks):
    items: list[MeetingOut]


class YouSaidWeDidOut(Schema):
    id: int
    you_said: str
    we_did: str
    status: str
    status_words: str
    published_at: datetime.datetime | None


class YouSaidWeDidPage(PageLinks):
    items: list[YouSaidWeDidOut]
