"""An organisation's own Easy Read pictures: checked like receipts, seen only by its own
projects, and used in the documents (issue 15)."""

import contextlib
import io
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from coplan.meeting_invitations import selectors as invitation_selectors
from coplan.plain_words import selectors, services
from coplan.plain_words.easy_read import ApprovedLine, easy_read_lines, lines_as_approved
from coplan.plain_words.models import OrganisationPicture
from coplan.plain_words.own_pictures import PictureError, picture_check
from coplan.plain_words.printing import easy_read_pdf
from tests.documents import assert_accessible_pdf, pdf_text
from tests.factories import (
    OrganisationFactory,
    ProjectFactory,
    StaffMembershipFactory,
)
from tests.meeting_invitations.invitation_support import complete_meeting, word_invitation

LIMIT = 1024 * 1024

GOOD_SVG = (
    b'<?xml version="1.0"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72">'
    b'<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>'
    b'<circle cx="36" cy="36" r="30" fill="url(#g)" stroke="#000"/>'
    b'<use href="#g"/></svg>'
)


def _svg(inside: bytes, attributes: bytes = b"") -> bytes:
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'viewBox="0 0 72 72"' + attributes + b">" + inside + b"</svg>"
    )


def _png(size=(40, 40), kind="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, format=kind)
    return buffer.getvalue()


def test_a_plain_svg_is_accepted():
    assert picture_check(content=GOOD_SVG, limit=LIMIT).media_type == "image/svg+xml"


def test_a_png_is_accepted():
    assert picture_check(content=_png(), limit=LIMIT).media_type == "image/png"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_svg(b"<script>alert(1)</script>"), "must not have a script in it"),
        (_svg(b"<circle r='3'/>", b' onload="alert(1)"'), "must not have a script in it"),
        (
            _svg(b"<foreignObject><p xmlns='http://www.w3.org/1999/xhtml'>Hi</p></foreignObject>"),
            "must not have a foreign object in it",
        ),
        (_svg(b"<image href='https://example.org/x.png'/>"), "a picture from another file"),
        (_svg(b"<use xlink:href='https://example.org/x.svg#a'/>"), "outside the picture"),
        (_svg(b"<a href='javascript:alert(1)'><circle r='3'/></a>"), "outside the picture"),
        (
            _svg(b"<style>circle { fill: url(https://example.org/x) }</style>"),
            "anything from outside the picture",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            + _svg(b"<text>&x;</text>"),
            "must not have a DOCTYPE",
        ),
        (b"<svg", "cannot be read"),
        (b"<html><body>Hello</body></html>", "must be a picture: an SVG or a PNG"),
    ],
)
def test_an_svg_that_could_run_or_fetch_something_is_refused(content, message):
    with pytest.raises(PictureError, match=message):
        picture_check(content=content, limit=LIMIT)


@pytest.mark.parametrize(
    "content",
    [b"Name,Address\nSam,1 Road\n", _png(kind="JPEG"), b"GIF89a" + b"\0" * 40],
    ids=["text file named .png", "jpeg named .png", "gif"],
)
def test_a_file_that_is_not_an_svg_or_png_is_refused_whatever_its_name(content):
    with pytest.raises(PictureError, match="must be a picture: an SVG or a PNG"):
        picture_check(content=content, limit=LIMIT)


def test_a_broken_png_is_refused():
    with pytest.raises(PictureError, match="cannot be opened"):
        picture_check(content=_png()[:60], limit=LIMIT)


def _chunk(name: bytes, data: bytes = b"") -> bytes:
    """A PNG chunk with a right checksum, so only its name can be wrong."""
    return len(data).to_bytes(4, "big") + name + data + zlib.crc32(name + data).to_bytes(4, "big")


def test_a_png_with_a_chunk_name_that_is_not_letters_is_refused_after_a_pdf_was_made():
    # WeasyPrint (which makes PDFs) lets Pillow read broken images, for the whole process.
    import weasyprint  # noqa: F401 - the state of a server that has made a PDF

    png = _png()
    damaged = png[:33] + _chunk(b"\xa0abc") + png[33:]

    with pytest.raises(PictureError, match="cannot be opened"):
        picture_check(content=damaged, limit=LIMIT)


@settings(max_examples=200)
@given(
    at=st.integers(min_value=8, max_value=200),
    inserted=st.binary(max_size=64),
    cut=st.integers(min_value=0, max_value=200),
)
def test_a_damaged_png_is_refused_in_plain_words_or_accepted_never_an_error(at, inserted, cut):
    import weasyprint  # noqa: F401 - the state of a server that has made a PDF

    png = _png()
    damaged = png[:at] + inserted + png[at : len(png) - cut]

    with contextlib.suppress(PictureError):  # refused in plain words; any other error fails
        picture_check(content=damaged, limit=LIMIT)


def test_a_picture_too_big_is_refused():
    with pytest.raises(PictureError, match="must be smaller than 1MB"):
        picture_check(content=GOOD_SVG + b" " * LIMIT, limit=LIMIT)


# The pages ------------------------------------------------------------------------------------


def _admin(organisation):
    return StaffMembershipFactory(organisation=organisation, is_admin=True).user


def _add_url(organisation):
    return f"/organisations/{organisation.pk}/easy-read-pictures/add/"


def _upload(client, organisation, content, name="picture.svg", alt="Our bus stop"):
    return client.post(
        _add_url(organisation),
        {"picture": _file(content, name), "alt": alt, "topics": ["travel"]},
    )


def _file(content, name):
    return SimpleUploadedFile(name, content, content_type="image/png")


@pytest.mark.django_db
def test_an_organisation_admin_adds_a_picture_with_its_words_and_topics(client_for):
    organisation = OrganisationFactory()
    client = client_for(_admin(organisation))

    response = _upload(client, organisation, GOOD_SVG)

    assert response.status_code == 302
    added = OrganisationPicture.objects.get()
    assert (added.alt, added.topics, added.media_type) == (
        "Our bus stop",
        "travel",
        "image/svg+xml",
    )
    page = client.get(f"/organisations/{organisation.pk}/easy-read-pictures/").content.decode()
    assert "Our bus stop" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (_svg(b"<script>alert(1)</script>"), "bus.svg", "The selected SVG must not have a script"),
        (b"Name\nSam\n", "bus.png", "The selected file must be a picture: an SVG or a PNG"),
        (GOOD_SVG + b" " * LIMIT, "bus.svg", "The selected file must be smaller than 1MB"),
        (
            _png()[:33] + _chunk(b"\xa0abc") + _png()[33:],
            "bus.png",
            "The selected PNG cannot be opened",
        ),
    ],
)
def test_a_bad_picture_is_refused_beside_the_field_and_nothing_is_kept(
    client_for, content, name, message
):
    organisation = OrganisationFactory()

    response = _upload(client_for(_admin(organisation)), organisation, content, name)

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page.split('id="id_picture-error"')[1].split("</p>")[0]
    assert not OrganisationPicture.objects.exists()


@pytest.mark.django_db
def test_the_words_for_a_picture_are_needed_in_plain_words(client_for):
    organisation = OrganisationFactory()
    client = client_for(_admin(organisation))

    empty = _upload(client, organisation, GOOD_SVG, alt="")
    jargon = _upload(client, organisation, GOOD_SVG, alt="A stakeholder engagement pathway")

    assert "Enter what the picture shows" in empty.content.decode()
    assert "Use plain words to say what the picture shows" in jargon.content.decode()
    assert not OrganisationPicture.objects.exists()


@pytest.mark.django_db
def test_only_the_organisations_admins_may_add_pictures(client_for):
    organisation = OrganisationFactory()
    staff = StaffMembershipFactory(organisation=organisation, is_admin=False).user
    other_admin = _admin(OrganisationFactory())
    pages = [f"/organisations/{organisation.pk}/easy-read-pictures/", _add_url(organisation)]

    assert [client_for(staff).get(page).status_code for page in pages] == [403, 403]
    assert [client_for(other_admin).get(page).status_code for page in pages] == [404, 404]
    assert _upload(client_for(other_admin), organisation, GOOD_SVG).status_code == 404
    assert not OrganisationPicture.objects.exists()


# In the projects' picture choice and the documents ----------------------------------------------


def _picture(organisation, content=GOOD_SVG, alt="Our bus stop", topics=("travel",)):
    return services.organisation_picture_add(
        organisation=organisation, content=content, alt=alt, topics=list(topics), by=None
    )


@pytest.mark.django_db
def test_a_picture_is_in_the_choice_for_its_organisations_projects_only(client_for):
    ours, theirs = ProjectFactory(), ProjectFactory()
    picture = _picture(ours.organisation)

    mine = selectors.pictures_by_key(organisation_id=ours.organisation_id)
    other = selectors.pictures_by_key(organisation_id=theirs.organisation_id)

    assert f"own-{picture.pk}" in mine
    assert f"own-{picture.pk}" not in other


@pytest.mark.django_db
def test_another_organisations_picture_cannot_be_chosen_for_a_line(meeting, lead, client_for):
    elsewhere = _picture(OrganisationFactory())
    word_invitation(meeting, lead)
    url = f"/projects/{meeting.project_id}/meetings/{meeting.pk}/invitation/easy-read/lines/1/"

    page = client_for(lead).get(url).content.decode()
    response = client_for(lead).post(url, {"words": "Hello.", "picture": f"own-{elsewhere.pk}"})

    assert "Our bus stop" not in page
    assert response.status_code == 400
    assert "Select a picture from the list" in response.content.decode()


@pytest.mark.django_db
def test_the_lines_about_its_topic_get_the_organisations_picture_first(meeting, lead):
    picture = _picture(meeting.project.organisation, topics=("food",))
    complete_meeting(meeting)
    word_invitation(meeting, lead)

    _, state = invitation_selectors.invitation_easy_read_state(
        meeting=meeting, today=timezone.localdate()
    )

    food = [
        line.picture
        for line in state.lines
        if line.source.startswith("Food and drink") and not line.heading
    ]
    assert food == [f"own-{picture.pk}"]


@pytest.mark.django_db
def test_a_document_draws_the_organisations_own_png(meeting):
    picture = _picture(meeting.project.organisation, content=_png((60, 30)))
    pictures = selectors.pictures_by_key(organisation_id=meeting.project.organisation_id)
    lines = easy_read_lines("We meet at the bus stop.")
    chosen = [ApprovedLine(lines[0].words, "We meet at our stop.", f"own-{picture.pk}")]

    pdf = easy_read_pdf(title="Test", lines=lines_as_approved(lines, chosen, pictures))

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert "We meet at our stop." in pdf_text(pdf)
    assert len(page.images) == 1
    figures = assert_accessible_pdf(pdf, title="Test").figures()
    assert [figure.alt for figure in figures] == [picture.alt]
    assert "OpenMoji" not in pdf_text(pdf)  # only our own picture: no OpenMoji credit
