from pathlib import Path

import pytest

from coplan.guides.engine import Guide, GuideFileError, GuideProblem, guide_read

SMALL_GUIDE = (Path(__file__).parent / "small-guide.toml").read_text(encoding="utf-8")


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
