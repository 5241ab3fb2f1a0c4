"""Writes for Easy Read versions and an organisation's own pictures.

A version that has been sent is never changed: every change goes through
`_version_to_change`, which changes the latest version only while it has not been
sent (a conditional UPDATE, so a send at the same moment cannot be overtaken), and
otherwise makes a new version from it.
"""

import datetime
from dataclasses import replace

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from coplan.core.errors import RuleError
from coplan.organisations.models import Organisation
from coplan.plain_words import selectors
from coplan.plain_words.easy_read import ApprovedLine
from coplan.plain_words.models import EasyReadVersion, OrganisationPicture
from coplan.plain_words.own_pictures import PictureError, picture_check
from coplan.plain_words.pictures import bank
from coplan.projects.models import Project

MAX_LINE_WORDS = 500


class EasyReadError(RuleError):
    """Something the rules for Easy Read versions and pictures do not allow."""


def _new_version(
    *, project: Project, document: str, title: str, source_text: str, lines, by
) -> EasyReadVersion:
    return EasyReadVersion.objects.create(
        project=project,
        document=document,
        title=title[:200],
        source_text=source_text,
        lines=[line.as_data() for line in lines],
        made_by=by,
    )


def _lines_saved(
    *,
    project: Project,
    document: str,
    title: str,
    source_text: str,
    lines: list[ApprovedLine],
    by: AbstractBaseUser,
    approved: bool,
) -> EasyReadVersion:
    """Save `lines` as the document's Easy Read version: into the latest version if it
    was made from the same words and has not been sent, else as a new version."""
    latest = selectors.easy_read_version_latest(project_id=project.pk, document=document)
    now = timezone.now()
    approval = {"approved_by": by, "approved_at": now} if approved else {}
    if latest is not None and latest.source_text == source_text:
        changed = EasyReadVersion.objects.filter(pk=latest.pk, sent_at__isnull=True).update(
            lines=[line.as_data() for line in lines],
            title=title[:200],
            approved_by=approval.get("approved_by"),
            approved_at=approval.get("approved_at"),
        )
        if changed:
            latest.refresh_from_db()
            return latest
    version = _new_version(
        project=project,
        document=document,
        title=title,
        source_text=source_text,
        lines=lines,
        by=by,
    )
    if approved:
        EasyReadVersion.objects.filter(pk=version.pk).update(**approval)
        version.refresh_from_db()
    return version


def _state(project: Project, document: str, source_text: str) -> selectors.EasyReadState:
    return selectors.easy_read_state(
        project_id=project.pk,
        organisation_id=project.organisation_id,
        document=document,
        source_text=source_text,
    )


@transaction.atomic
def easy_read_line_change(
    *,
    project: Project,
    document: str,
    title: str,
    source_text: str,
    number: int,
    words: str,
    picture: str,
    heading: bool,
    by: AbstractBaseUser,
) -> EasyReadVersion:
    """Change one line (numbered from 1): its words, its picture (a key, "" for none) and
    whether it is a heading. The version needs approving again."""
    state = _state(project, document, source_text)
    if not 1 <= number <= len(state.lines):
        raise EasyReadError("There is no such line in the Easy Read version")
    if len(words) > MAX_LINE_WORDS:
        raise EasyReadError(
            f"The words must be {MAX_LINE_WORDS} characters or fewer", field="words"
        )
    if picture and picture not in selectors.pictures_by_key(
        organisation_id=project.organisation_id
    ):
        raise EasyReadError("Select a picture from the list", field="picture")
    lines = list(state.lines)
    lines[number - 1] = replace(
        lines[number - 1], words=words.strip(), picture=picture, heading=heading
    )
    return _lines_saved(
        project=project,
        document=document,
        title=title,
        source_text=source_text,
        lines=lines,
        by=by,
        approved=False,
    )


@transaction.atomic
def easy_read_version_approve(
    *, project: Project, document: str, title: str, source_text: str, by: AbstractBaseUser
) -> EasyReadVersion:
    """The lead has checked the Easy Read version and it may go: the lines as they are
    now, approved by `by`, now. A version already sent stays as sent."""
    state = _state(project, document, source_text)
    if state.approved and state.latest.sent_at is not None:
        return state.latest
    return _lines_saved(
        project=project,
        document=document,
        title=title,
        source_text=source_text,
        lines=state.lines,
        by=by,
        approved=True,
    )


def easy_read_version_send(
    *, project: Project, document: selectors.EasyReadDocument, now: datetime.datetime
) -> EasyReadVersion:
    """The approved Easy Read version of the document that goes now, marked as sent
    (from now on it is kept as it is). EasyReadError if the lead has not approved the
    version of its words as they are now. Call it inside the sending's transaction."""
    latest = (
        EasyReadVersion.objects.select_for_update()
        .filter(project=project, document=document.document)
        .first()
    )
    if latest is None or latest.approved_at is None:
        raise EasyReadError("Check the Easy Read version and approve it before it is sent")
    if latest.source_text != document.source_text:
        raise EasyReadError(
            f"The {document.name} has changed since its Easy Read version was approved. "
            "Check the Easy Read version again"
        )
    if latest.sent_at is None:
        EasyReadVersion.objects.filter(pk=latest.pk, sent_at__isnull=True).update(sent_at=now)
        latest.sent_at = now
    return latest


# An organisation's own pictures -------------------------------------------------------------

TOPICS = tuple(dict.fromkeys(picture.topic for picture in bank()))


@transaction.atomic
def organisation_picture_add(
    *,
    organisation: Organisation,
    content: bytes,
    alt: str,
    topics: list[str],
    by: AbstractBaseUser,
) -> OrganisationPicture:
    try:
        checked = picture_check(content=content, limit=settings.EASY_READ_PICTURE_MAX_BYTES)
    except PictureError as error:
        raise EasyReadError(str(error), field="picture") from error
    unknown = set(topics) - set(TOPICS)
    if unknown:
        raise EasyReadError("Select topics from the list", field="topics")
    return OrganisationPicture.objects.create(
        organisation=organisation,
        alt=alt.strip(),
        topics=",".join(topics),
        media_type=checked.media_type,
        content=checked.content,
        sha256=checked.sha256,
        added_by=by,
    )
