"""What a check finds: findings, readability figures and the report that holds them."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ACRONYM = "acronym"
JARGON = "jargon"
LONG_SENTENCE = "long_sentence"
LONG_WORD = "long_word"
PASSIVE_VOICE = "passive_voice"
NUMBER_AS_WORD = "number_as_word"
SEVERAL_IDEAS = "several_ideas"

KINDS = (
    ACRONYM,
    JARGON,
    LONG_SENTENCE,
    LONG_WORD,
    PASSIVE_VOICE,
    NUMBER_AS_WORD,
    SEVERAL_IDEAS,
)

#: How each kind is named to people (command line, pages).
KIND_LABELS = {
    ACRONYM: "acronym",
    JARGON: "jargon",
    LONG_SENTENCE: "long sentence",
    LONG_WORD: "long or uncommon word",
    PASSIVE_VOICE: "passive voice",
    NUMBER_AS_WORD: "number written as a word",
    SEVERAL_IDEAS: "several ideas in one sentence",
}

PLAIN = "plain"
EASY_READ = "easy_read"
MODES = (PLAIN, EASY_READ)

#: "change" means the writer should change it; "note" means worth a thought
#: (for example an acronym that the text already explains).
CHANGE = "change"
NOTE = "note"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to look at: `text[start:end]` of the checked text."""

    start: int
    end: int
    kind: str
    text: str
    message: str
    suggestion: str | None = None
    severity: str = CHANGE

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass(frozen=True, slots=True)
class Readability:
    """Flesch reading ease (higher is easier), Flesch-Kincaid grade (US school
    grade) and the UK reading age it implies (grade + 5). None for a text with no words."""

    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    reading_age: float | None
    syllable_count: int


@dataclass(frozen=True, slots=True)
class Report:
    mode: str
    findings: list[Finding]
    readability: Readability
    word_count: int
    sentence_count: int

    def count(self, kind: str) -> int:
        return sum(1 for finding in self.findings if finding.kind == kind)

    def as_dict(self) -> dict[str, object]:
        """A plain structure for JSON."""
        return {
            "mode": self.mode,
            "word_count": self.word_count,
            "sentence_count": self.sentence_count,
            "readability": asdict(self.readability),
            "findings": [{**asdict(finding), "label": finding.label} for finding in self.findings],
        }
