"""Money as people type it and read it, kept exactly in whole pence.

Pure Python with no Django import. Amounts are stored as whole pence (an
integer), so totals are exact on SQLite and PostgreSQL alike; they are shown
and handed to other code as `Decimal` pounds with two places.
"""

import re
from decimal import Decimal

# The largest amount anyone can type: £10 million, far above any co-production budget.
MAX_PENCE = 10_000_000 * 100

# Digits 0-9 only (\d would also accept other scripts' digits), with optional
# thousands commas and at most two figures after the point.
_AMOUNT = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]*))?|\.([0-9]+)")


class MoneyError(ValueError):
    """What is wrong with a typed amount, in plain words."""


def pence_read(text: str, *, label: str = "The amount") -> int:
    """Read a typed amount in pounds, like "250", "£1,250.50" or "0.5", as whole pence."""
    cleaned = text.strip().replace(" ", "")
    if cleaned.startswith("£"):
        cleaned = cleaned[1:]
    if cleaned.startswith("-") or cleaned.startswith("−"):
        raise MoneyError(f"{label} must be £0 or more")
    match = _AMOUNT.fullmatch(cleaned)
    if not cleaned or match is None:
        raise MoneyError(f"{label} must be an amount in pounds, like 250 or 250.50")
    fraction = match.group(1) if match.group(1) is not None else match.group(2)
    if fraction is not None and len(fraction) > 2:
        raise MoneyError(f"{label} must not include fractions of a penny")
    pounds = Decimal(cleaned.replace(",", "") or "0")
    pence = int(pounds * 100)
    if pence > MAX_PENCE:
        raise MoneyError(f"{label} must be £{MAX_PENCE // 100:,} or less")
    return pence


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
