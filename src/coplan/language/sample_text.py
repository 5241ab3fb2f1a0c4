"""Generated text for benchmarks and comparisons: council-style paragraphs with a wide
vocabulary (tens of thousands of different words, some of them made up), some jargon,
acronyms, numbers, names, headings and lists. The same seed always gives the same text."""

from __future__ import annotations

import itertools
import random

from .wordlists import data_file, ordinary_words, shipped_terms

_FUNCTION_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "is",
    "you",
    "that",
    "it",
    "for",
    "we",
    "on",
    "with",
    "as",
    "are",
    "be",
    "this",
    "your",
    "at",
    "by",
    "from",
    "or",
    "have",
    "an",
    "will",
    "can",
    "if",
    "not",
    "all",
    "our",
    "they",
    "more",
    "when",
    "about",
    "what",
    "which",
    "their",
    "there",
    "so",
    "who",
    "would",
    "one",
    "up",
    "out",
    "do",
    "been",
    "has",
    "may",
    "time",
    "people",
    "help",
    "us",
    "some",
    "into",
    "them",
    "could",
    "other",
    "then",
    "its",
    "also",
    "these",
    "two",
    "how",
    "any",
    "only",
    "new",
    "after",
    "most",
    "first",
    "well",
    "way",
    "even",
    "back",
    "use",
    "through",
    "where",
    "much",
    "before",
    "those",
    "right",
    "three",
    "day",
    "each",
    "just",
    "need",
    "want",
    "get",
    "make",
    "come",
    "know",
    "take",
    "see",
    "tell",
    "give",
    "work",
    "find",
    "ask",
    "meet",
    "pay",
]
_NAMES = ["Sam", "Jo", "Mrs Patel", "Mr Jones", "Aisha", "Tom", "Dr Ahmed", "Banbury", "Witney"]
_ONSETS = [
    "b",
    "br",
    "c",
    "cl",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "pl",
    "qu",
    "r",
    "s",
    "st",
    "t",
    "tr",
    "v",
    "w",
    "z",
    "sh",
    "ch",
    "th",
]
_VOWEL_SOUNDS = ["a", "e", "i", "o", "u", "ai", "ea", "oo", "ou", "y"]
_ENDINGS = ["", "", "n", "r", "st", "ve", "ne", "tion", "ing", "ed", "ly", "s"]
#: Made-up words make up this share (per cent) of the words, so that the benchmark also
#: counts words that no list or shipped syllable count knows.
INVENTED_SHARE = 5
INVENTED_WORDS = 30_000
_LINKS = ["and", "but", "because", "so", "or", "which", "while", "although"]


class SampleWriter:
    def __init__(self, seed: int = 2024) -> None:
        self.random = random.Random(seed)  # noqa: S311 (repeatable sample text)
        vocabulary = sorted(ordinary_words())
        self.random.shuffle(vocabulary)
        self.vocabulary = vocabulary
        weights = [1 / (rank + 10) for rank in range(len(vocabulary))]
        self.cumulative = list(itertools.accumulate(weights))
        self.invented = [self._invent() for _ in range(INVENTED_WORDS)]
        self.jargon = sorted({term.phrase for term in shipped_terms()})
        self.acronyms = sorted(data_file("acronyms.toml")["acronyms"])  # type: ignore[arg-type]

    def _invent(self) -> str:
        """A made-up word that is in none of our lists ("brostavine")."""
        parts = [
            self.random.choice(_ONSETS) + self.random.choice(_VOWEL_SOUNDS)
            for _ in range(self.random.randint(1, 4))
        ]
        return "".join(parts) + self.random.choice(_ENDINGS)

    def _words(self, count: int) -> list[str]:
        function_count = count * 45 // 100
        invented_count = count * INVENTED_SHARE // 100
        words = self.random.choices(_FUNCTION_WORDS, k=function_count)
        words += self.random.choices(self.invented, k=invented_count)
        words += self.random.choices(
            self.vocabulary,
            cum_weights=self.cumulative,
            k=count - function_count - invented_count,
        )
        self.random.shuffle(words)
        return words

    def sentence(self) -> str:
        size = self.random.choice((4, 6, 8, 9, 10, 12, 12, 14, 15, 17, 19, 22, 26, 31, 38))
        words = self._words(size)
        roll = self.random.random()
        if roll < 0.08:
            words.insert(self.random.randrange(len(words)), self.random.choice(self.jargon))
        elif roll < 0.12:
            words.insert(self.random.randrange(len(words)), self.random.choice(self.acronyms))
        elif roll < 0.15:
            words.insert(self.random.randrange(len(words)), str(self.random.randrange(1, 500)))
        elif roll < 0.18:
            words.insert(self.random.randrange(len(words)), self.random.choice(_NAMES))
        if size > 12 and self.random.random() < 0.5:
            words.insert(size // 2, self.random.choice(_LINKS))
            words[size // 2 - 1] += ","
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words) + self.random.choice(".....?!")

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.random.randint(2, 7)))

    def block(self) -> str:
        roll = self.random.random()
        if roll < 0.05:
            return " ".join(self._words(self.random.randint(2, 5))).upper()
        if roll < 0.12:
            return "\n".join(
                f"- {' '.join(self._words(self.random.randint(2, 8)))}" for _ in range(4)
            )
        return self.paragraph()

    def text(self, words: int) -> str:
        """A text of at least `words` words."""
        blocks: list[str] = []
        written = 0
        while written < words:
            block = self.block()
            written += len(block.split())
            blocks.append(block)
        return "\n\n".join(blocks)

    def passage(self, words: int) -> str:
        """Plain paragraphs only, of at least `words` words."""
        sentences: list[str] = []
        while sum(len(sentence.split()) for sentence in sentences) < words:
            sentences.append(self.sentence())
        return " ".join(sentences)
