"""The Easy Read picture bank: its data, the pictures the asset build makes, and
which picture a sentence gets."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coplan import language
from coplan.plain_words.easy_read import easy_read_lines
from coplan.plain_words.pictures import BUILT_FOLDER, DATA, bank, credit, picture_for
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
# The topics issue 15 asks the bank to have, at least.
TOPICS = {
    "meeting", "date", "time", "place", "how to get there", "wheelchair", "hearing loop",
    "sign language", "food", "money", "payment", "travel", "phone", "email", "letter", "help",
    "question", "yes", "no", "not sure", "tell us", "feedback", "group", "agreement", "car park",
    "calendar", "papers",
}  # fmt: skip


def test_the_bank_has_every_topic_once_each_with_a_picture_from_openmoji():
    topics = [picture.topic for picture in bank()]

    assert len(topics) == len(set(topics))
    assert set(topics) >= TOPICS
    for picture in bank():
        openmoji = ROOT / "node_modules" / "openmoji" / "color" / "svg"
        assert (openmoji / f"{picture.hexcode}.svg").is_file(), picture.topic


def test_every_picture_is_in_the_built_static_files():
    for picture in bank():
        assert picture.built_file.is_file(), f"{picture.hexcode} ({picture.topic}) was not built"
        assert picture.built_file.read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_the_asset_build_copies_only_the_pictures_in_the_bank():
    built = sorted(path.name for path in BUILT_FOLDER.iterdir())

    assert len(built) == len(bank()) == 28
    assert built == sorted(f"{picture.hexcode}.svg" for picture in bank())
    # The repository keeps none of them: they come from the pinned npm package.
    assert not list((ROOT / "src").rglob("1F4C5.svg"))


def test_the_openmoji_package_is_pinned():
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())

    assert package["dependencies"]["openmoji"] == "17.0.0"
    assert lock["packages"]["node_modules/openmoji"]["version"] == "17.0.0"
    assert lock["packages"]["node_modules/openmoji"]["integrity"].startswith("sha512-")


def test_every_picture_has_alternative_text_in_plain_words():
    for picture in bank():
        assert picture.alt.strip()
        report = language.check(picture.alt, mode=language.EASY_READ)
        assert not report.findings, (picture.topic, [f.message for f in report.findings])


def test_the_data_says_each_picture_s_words():
    data = json.loads(DATA.read_text(encoding="utf-8"))

    for entry in data["pictures"]:
        assert set(entry) <= {
            "topic",
            "hexcode",
            "alt",
            "words",
            "starts_line",
            "leads",
            "after_lead",
            "not_in",
            "not_with",
        }
        assert bool(entry.get("leads")) == bool(entry.get("after_lead")), entry["topic"]
        assert entry["words"], entry["topic"]
    assert credit().words == "Pictures: OpenMoji, the open-source emoji project, CC BY-SA 4.0"
    assert credit().link == "https://openmoji.org/"


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("The meeting is on Tuesday 4 March.", "date"),
        ("Please come to a meeting on 4 March at the library.", "date"),
        ("It starts at 10am and finishes at 12:30pm.", "time"),
        ("In person at the Town Hall, Room 2.", "place"),
        ("How to get there: the number 5 bus stops outside.", "how to get there"),
        ("There is a lift and step-free access.", "wheelchair"),
        ("The room has a hearing loop.", "hearing loop"),
        ("A British Sign Language interpreter will be there.", "sign language"),
        ("Food and drink are provided.", "food"),
        ("We will pay you £20 for your time.", "payment"),
        ("Keep your receipts.", "payment"),
        ("Phone Sam on 01234 567890.", "phone"),
        ("Email us if you cannot come.", "email"),
        ("Add it to your calendar.", "calendar"),
        ("Tell us if you can come.", "tell us"),
        ("Yes, I will come.", "yes"),
        ("No, I cannot come.", "no"),
        ("Not sure.", "not sure"),
        ("We pay £20 an hour for your time, and travel costs.", "payment"),
        ("Bus 4 stops outside.", "travel"),
        ("We will agree how we work together.", "agreement"),
        ("We send the papers a week before.", "papers"),
        ("Anything said in the car park is followed up.", "car park"),
        ("You are invited to our workshop.", "meeting"),
    ],
)
def test_a_sentence_gets_the_picture_for_its_topic(sentence, topic):
    picture = picture_for(sentence)

    assert picture is not None
    assert picture.topic == topic


def test_a_meeting_date_gets_the_calendar():
    picture = picture_for("The meeting is on Thursday 4 June.")

    assert picture is not None
    assert (picture.hexcode, picture.alt) == ("1F4C5", "A calendar")


@pytest.mark.parametrize(
    "sentence",
    ["Dear Sam,", "We would love to see you.", "You may bring a friend.", "Hello there"],
)
def test_a_sentence_about_nothing_in_the_bank_gets_no_picture(sentence):
    assert picture_for(sentence) is None


def test_no_in_the_middle_of_a_sentence_is_not_the_no_picture():
    picture = picture_for("There is no hearing loop.")

    assert picture is not None
    assert picture.topic == "hearing loop"


@pytest.mark.parametrize("sentence", ["No training is needed.", "Yesterday we met.", "No one"])
def test_only_an_answer_gets_the_yes_or_no_picture(sentence):
    picture = picture_for(sentence)

    assert picture is None or picture.topic not in {"yes", "no"}


def test_picking_pictures_needs_no_django():
    code = (
        "import sys; from coplan.plain_words.pictures import picture_for;"
        " assert picture_for('On 4 May at 2pm').topic == 'date';"
        " assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_the_footer_credits_the_pictures(client_for):
    page = client_for(UserFactory()).get("/check-wording/").content.decode()

    assert "Pictures: <a" in page
    assert 'href="https://openmoji.org/">OpenMoji</a>, the open-source emoji project' in page
    assert (
        'href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license">CC BY-SA 4.0' in page
    )


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # what people said, in feedback and "you said"
        ("The room was too small for everyone.", "group"),
        ("Next time, please send the papers sooner.", "papers"),
        ("When we talked about money, I felt lost.", "money"),
        ("Can I join the group?", "group"),
        ("The lift was broken.", "wheelchair"),
        ("The tea was cold.", "food"),
        # what the project did
        ("We booked a bigger room at the library.", "place"),
        ("We now have ground rules in place.", "agreement"),
        ("We asked the centre to fix the lift.", "wheelchair"),
        # what we will do about a car park item: a question to someone (the question
        # mark), not a place to go (the pin is for "at the library")
        ("Ask the library.", "question"),
        ("We will ask the council.", "question"),
        # a meeting's words
        ("When is the next meeting?", "date"),
        ("Where is the meeting?", "place"),
        ("Where: The Town Hall, Room 2.", "place"),
        ("The meeting is at the community centre.", "place"),
        ("We will meet in Room 4 on the first floor.", "place"),
        ("It takes about 30 minutes.", "time"),
        ("Join us at 10am.", "time"),
        # how something felt takes away only the pin and the clock
        ("The tea was cold in the afternoon.", "food"),
        ("The room was too hot for the meeting.", "meeting"),
    ],
)
def test_a_sentence_people_write_gets_the_picture_of_what_it_is_about(sentence, topic):
    picture = picture_for(sentence)

    assert picture is not None
    assert picture.topic == topic


@pytest.mark.parametrize(
    "sentence",
    [
        "The room was too hot.",
        # how the room felt: comfort, not where (the pin) or when (the clock)
        "The chairs in the room were hard.",
        "The room was too hot in the afternoon.",
        "It was too noisy in the hall.",
        "The room was cold in the morning.",
        "We will use a cooler room.",
        "Thank you for your time.",
        "We had a good time.",
        "When I got there, nobody met me at the door.",
        "Sam gave me a lift home.",
        "We used post-it notes for our ideas.",
        "We are hearing from more people now.",
        "The list of names was not up to date.",
        "We will send you the minutes.",
        "Where it is up to: done.",
    ],
)
def test_a_sentence_not_surely_about_a_topic_gets_no_picture_rather_than_a_wrong_one(sentence):
    assert picture_for(sentence) is None


def test_an_address_with_a_postcode_gets_the_place_s_pin():
    lines = easy_read_lines("Come to:\nThe Old Fire Station\n40 George Street\nOxford OX1 2AQ")

    address = [line for line in lines if "OX1 2AQ" in line.words]
    assert address[0].bank_picture is not None
    assert address[0].bank_picture.topic == "place"
