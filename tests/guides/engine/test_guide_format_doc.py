"""docs/guide-format.md tells the truth: its example loads and its problems are real."""

import re
from pathlib import Path

import pytest

from coplan.guides.engine import GuideFileError, Level, guide_read

DOC = Path(__file__).resolve().parents[3] / "docs" / "guide-format.md"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_the_documented_example_is_a_working_guide():
    guide = guide_read(_blocks("toml")[0], file="example.toml")

    (rule,) = guide.rules
    assert (guide.id, guide.version, len(guide.questions)) == ("our-project-start", 2, 3)
    assert (rule.level, [way.id for way in rule.ways_forward]) == (
        Level.STOP,
        ["more-time", "not-fully-co-produced"],
    )


def test_the_documented_problems_are_what_the_engine_says(small_guide_text):
    broken = small_guide_text.replace('kind = "yes-no"', 'kind = "yesno"').replace(
        'answer = "helpers", is_empty', 'answer = "helper", is_empty'
    )

    with pytest.raises(GuideFileError) as raised:
        guide_read(broken, file="our-guide.toml")

    assert str(raised.value) + "\n" == _blocks("text")[0]
