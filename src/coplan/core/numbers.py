"""Numbers and money as people type them and read them.

Pure Python with no Django import. Every number a person types is read here,
by the rule of its field (`NumberRule`): its least and most values in the
person's terms, and how many figures it may have after the point. Only plain
digits 0-9 are read, with optional thousands commas; exponents ("1e308"),
"NaN", "Infinity", underscores and other scripts' digits are refused with a
message in plain words, and the bounds are checked before any arithmetic, so
no typed value can overflow a calculation or a database column.

Money is kept exactly in whole pence (an integer), so totals are exact on
SQLite and PostgreSQL alike; it is shown and handed to other code as
`Decimal` pounds with two places.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

# The largest amount any money field accepts: £10 million, far above any
# co-production budget. Fields for smaller things (a rate, an expense) set less.
MAX_PENCE = 10_000_000 * 100

# Digits 0-9 only (\d would also accept other scripts' digits), with optional
# thousands commas, then optional figures after the point.
_NUMBER = re.compile(
    r"(?P<whole>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<part>[0-9]*))?|\.(?P<only_part>[0-9]+)"
)
_MINUS_SIGNS = ("-", "−", "–")  # hyphen-minus, minus sign, en dash


class NumberError(ValueError):
    """What is wrong with a typed number, in plain words, with a code saying which rule."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class NumberRule:
    """What one field accepts, and how its messages name it.

    `what` starts a sentence: "Miles", "The rate an hour". `least` and `most` are
    in the field's own unit (pounds for money). `more_than_least` refuses the
    least value itself ("Miles must be more than 0"). `counted` says "or fewer"
    for things counted (days, people), "or less" for amounts.
    """

    what: str
    most: Decimal | int
    least: Decimal | int = 0
    places: int = 0
    more_than_least: bool = False
    money: bool = False
    counted: bool = True
    example: str = ""

    @property
    def example_words(self) -> str:
        if self.example:
            return self.example
        if self.money:
            return "12.50"
        return "12" if self.places == 0 else "12.5"

    def amount_words(self, value: Decimal | int) -> str:
        """A bound as the person reads it: "£1,000,000", "£0.45", "2,000", "0.5"."""
        value = Decimal(value)
        if self.money:
            return f"£{value:,.0f}" if value == value.to_integral_value() else f"£{value:,.2f}"
        return f"{value:,f}"

    def message(self, code: str) -> str:
        what, example = self.what, self.example_words
        if code == "invalid":
            if self.money:
                return f"Enter {_lower_first(what)} in pounds and pence, like {example}"
            kind = "a whole number" if self.places == 0 else "a number"
            return f"{what} must be {kind}, like {example}"
        if code == "digits":
            return f"{what} must be written with the digits 0 to 9, like {example}"
        if code == "places":
            if self.money:
                return f"{what} must not include fractions of a penny"
            if self.places == 0:
                return f"{what} must be a whole number, like {example}"
            figures = "one figure" if self.places == 1 else f"up to {self.places} figures"
            return f"{what} can have {figures} after the point, like {example}"
        if code == "min_value":
            least = self.amount_words(self.least)
            return (
                f"{what} must be more than {least}"
                if self.more_than_least
                else (f"{what} must be {least} or more")
            )
        if code == "max_value":
            fewer = "fewer" if self.counted and not self.money else "less"
            return f"{what} must be {self.amount_words(self.most)} or {fewer}"
        raise ValueError(code)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def number_read(text: str, rule: NumberRule) -> Decimal:
    """Read a typed number by its field's rule: "12", "1,250.5", "£12.50" for money.

    Raises NumberError, with the field's message, for anything else. The value
    returned is within the rule's bounds and has no more figures after the point
    than it allows (trailing zeros after the point are dropped: "2.50" is 2.5).
    """
    cleaned = "".join(str(text).split())
    if rule.money:
        cleaned = cleaned.removeprefix("£")
    negative = cleaned.startswith(_MINUS_SIGNS)
    if negative:
        cleaned = cleaned[1:]
    match = _NUMBER.fullmatch(cleaned)
    if match is None:
        if any(not char.isascii() and unicodedata.category(char) == "Nd" for char in cleaned):
            raise NumberError(rule.message("digits"), "digits")
        raise NumberError(rule.message("invalid"), "invalid")
    whole = (match["whole"] or "0").replace(",", "")
    part = (match["part"] if match["part"] is not None else match["only_part"] or "").rstrip("0")
    value = Decimal(f"{whole}.{part or '0'}")
    if negative:
        value = -value
    # Bounds first, by exact comparison, so nothing below works on a huge number.
    least = Decimal(rule.least)
    if value < least or (rule.more_than_least and value == least):
        raise NumberError(rule.message("min_value"), "min_value")
    if value > Decimal(rule.most):
        raise NumberError(rule.message("max_value"), "max_value")
    if len(part) > rule.places:
        raise NumberError(rule.message("places"), "places")
    return value + 0  # + 0 turns -0 into 0


def whole_number_read(text: str, rule: NumberRule) -> int:
    """Read a typed whole number by its field's rule (its `places` is 0)."""
    return int(number_read(text, rule))


def money_rule(what: str, *, most_pence: int = MAX_PENCE, **options) -> NumberRule:
    """The rule for an amount in pounds, up to `most_pence`, in whole pence."""
    return NumberRule(what=what, most=Decimal(most_pence) / 100, places=2, money=True, **options)


def pence_read(text: str, *, label: str = "The amount", most_pence: int = MAX_PENCE) -> int:
    """Read a typed amount in pounds, like "250", "£1,250.50" or "0.5", as whole pence."""
    return int(number_read(text, money_rule(label, most_pence=most_pence)) * 100)


def pounds(pence: int) -> Decimal:
    """Whole pence as pounds with two places: 125050 -> Decimal("1250.50")."""
    return (Decimal(pence) / 100).quantize(Decimal("0.01"))


def money_words(pence: int | None) -> str:
    """How an amount is written on a page: "£1,250.50"; a minus sign if below zero."""
    if pence is None:
        return ""
    sign = "−" if pence < 0 else ""
    return f"{sign}£{pounds(abs(pence)):,}"


def pence_typed(pence: int | None) -> str:
    """An amount as it goes back into a form field: "1250.50", or "" for none."""
    return "" if pence is None else f"{pounds(pence)}"


def digits_read(text: str) -> int | None:
    """A whole number from a link, a hidden field or a spreadsheet cell (an id, a total,
    a count of days): plain digits 0-9 only, at most 18 of them (it fits any database
    column), else None. str.isdigit alone would let "²" or "٣" through to int()."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 18:
        return None
    return int(text)
