"""Access needs: what someone needs in order to take part, in structured categories.

The categories are the seed's ("Mobility, Communication methods, Dietary
requirements, Reminders") and one for other support. Each need has a stable
code, written "category:option" (for example "communication:hearing_loop"),
so later features can ask "who needs a hearing loop?" (venue checks), "what
must the caterer know?" (catering) and "who wants a reminder, how and when?"
(invitations) without reading free text. Free text notes in each category
keep what the options do not say.

Pure Python: no Django import. Stored only encrypted (see `crypto`).
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class NeedCategory:
    code: str
    label: str
    question: str
    options: tuple[tuple[str, str], ...]
    notes_label: str

    def option_label(self, option: str) -> str:
        return dict(self.options).get(option, option)


MOBILITY = NeedCategory(
    "mobility",
    "Mobility",
    "Getting there and moving around",
    (
        ("wheelchair", "I use a wheelchair or mobility scooter"),
        ("step_free", "Step-free access (no stairs, or a lift)"),
        ("accessible_toilet", "An accessible toilet"),
        ("parking", "A parking space near the door"),
        ("short_distances", "Short distances to walk"),
        ("assistance_dog", "Room for my assistance dog"),
    ),
    "Anything else about getting there and moving around",
)
COMMUNICATION = NeedCategory(
    "communication",
    "Communication",
    "Hearing, seeing and talking with others",
    (
        ("hearing_loop", "A hearing loop"),
        ("bsl_interpreter", "A British Sign Language interpreter"),
        ("captions", "Live captions (speech shown as text)"),
        ("language_interpreter", "An interpreter for another spoken language"),
        ("plain_words", "Plain words, one thing at a time"),
        ("extra_time", "Extra time to read, think and answer"),
        ("turn_taking", "Turn-taking cards or another clear way to get a turn"),
        ("good_lighting", "Good lighting, to lip-read or see clearly"),
    ),
    "Anything else about communication",
)
DIETARY = NeedCategory(
    "dietary",
    "Food and drink",
    "Dietary requirements",
    (
        ("vegetarian", "Vegetarian"),
        ("vegan", "Vegan"),
        ("halal", "Halal"),
        ("kosher", "Kosher"),
        ("gluten_free", "No gluten (for example, coeliac disease)"),
        ("dairy_free", "No milk or dairy"),
        ("nut_allergy", "Nut allergy"),
        ("diabetic", "Diabetic"),
        ("soft_food", "Soft food, or help with eating and drinking"),
    ),
    "Anything else the caterer must know (for example, other allergies)",
)
REMINDERS = NeedCategory(
    "reminders",
    "Reminders",
    "Reminders before meetings",
    (
        ("text", "A text message"),
        ("phone_call", "A phone call"),
        ("email", "An email"),
        ("letter", "A letter"),
    ),
    "Anything else about reminders",
)
SUPPORT = NeedCategory(
    "support",
    "Other support",
    "Other support to take part fully",
    (
        ("support_worker", "A support worker, carer or personal assistant comes with me"),
        ("quiet_space", "A quiet space to take a break"),
        ("regular_breaks", "Regular breaks"),
        ("join_remotely", "To join from home, online or by phone"),
        ("papers_early", "Papers well before the meeting"),
    ),
    "Anything else you need",
)

CATEGORIES: tuple[NeedCategory, ...] = (MOBILITY, COMMUNICATION, DIETARY, REMINDERS, SUPPORT)
CATEGORY_BY_CODE = {category.code: category for category in CATEGORIES}
MAX_NOTES_LENGTH = 1000
MAX_REMINDER_DAYS = 60


def need_label(code: str) -> str:
    """The words for a need code such as "communication:hearing_loop"."""
    category_code, _, option = code.partition(":")
    category = CATEGORY_BY_CODE.get(category_code)
    return category.option_label(option) if category else code


@dataclass(frozen=True)
class AccessNeeds:
    """Everything someone has told us they need, by category."""

    chosen: dict[str, frozenset[str]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    reminder_days_before: int | None = None

    @classmethod
    def from_answers(
        cls,
        *,
        chosen: dict[str, Any],
        notes: dict[str, str],
        reminder_days_before: int | None = None,
    ) -> "AccessNeeds":
        """Keep only known categories and options; drop empty notes."""
        clean_chosen = {}
        for category in CATEGORIES:
            known = {code for code, _ in category.options}
            picked = frozenset(str(code) for code in chosen.get(category.code, ()) if code in known)
            if picked:
                clean_chosen[category.code] = picked
        clean_notes = {
            category.code: notes[category.code].strip()
            for category in CATEGORIES
            if (notes.get(category.code) or "").strip()
        }
        return cls(
            chosen=clean_chosen, notes=clean_notes, reminder_days_before=reminder_days_before
        )

    @classmethod
    def from_json(cls, value: dict | None) -> "AccessNeeds":
        if not value:
            return cls()
        return cls.from_answers(
            chosen=value.get("chosen", {}),
            notes=value.get("notes", {}),
            reminder_days_before=value.get("reminder_days_before"),
        )

    def to_json(self) -> dict:
        return {
            "chosen": {code: sorted(options) for code, options in self.chosen.items()},
            "notes": dict(self.notes),
            "reminder_days_before": self.reminder_days_before,
        }

    def is_empty(self) -> bool:
        return not self.chosen and not self.notes and self.reminder_days_before is None

    def options(self, category: str) -> frozenset[str]:
        return self.chosen.get(category, frozenset())

    def codes(self) -> frozenset[str]:
        """Every need as "category:option", for features that check needs are met."""
        return frozenset(
            f"{category}:{option}"
            for category, options in self.chosen.items()
            for option in options
        )

    def has(self, code: str) -> bool:
        return code in self.codes()

    def wants_reminders(self) -> bool:
        return self.reminder_days_before is not None or bool(self.options(REMINDERS.code))

    def described(self) -> list[tuple[NeedCategory, list[str], str]]:
        """For pages: each category with the words for what was chosen, and the notes."""
        rows = []
        for category in CATEGORIES:
            labels = [
                label for code, label in category.options if code in self.options(category.code)
            ]
            if category is REMINDERS and self.reminder_days_before is not None:
                days = self.reminder_days_before
                labels.append(
                    "On the day" if days == 0 else f"{days} day{'s' if days != 1 else ''} before"
                )
            rows.append((category, labels, self.notes.get(category.code, "")))
        return rows

    def words(self) -> list[str]:
        """Every need and note as plain words (for exports)."""
        words = []
        for category, labels, notes in self.described():
            words.extend(f"{category.label}: {label}" for label in labels)
            if notes:
                words.append(f"{category.label}: {notes}")
        return words
