"""One rule for reading a value, whether from a DfE file or typed by an officer."""

from decimal import Decimal, InvalidOperation

from indicators.models import Symbol, Unit

SYMBOLS = {symbol.value for symbol in Symbol}
PLACES = Decimal("0.0001")  # as stored
LARGEST = Decimal("1e12")


def parse_value(text, unit):
    """(Decimal or None, symbol or "") from a cell; ValueError naming what is wrong."""
    cleaned = (text or "").strip()
    if cleaned.lower() in SYMBOLS:
        return None, cleaned.lower()
    if not cleaned:
        raise ValueError("is empty: give a number or one of the symbols c, k, u, x, z, low")
    try:
        number = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(
            f"“{cleaned}” is neither a number nor one of the symbols c, k, u, x, z, low"
        ) from error
    if not number.is_finite():
        raise ValueError(f"“{cleaned}” is not a number")
    check_range(number, unit)
    return number.quantize(PLACES), ""


def check_range(number, unit):
    if number < 0:
        raise ValueError(f"{number} is below zero, which a {Unit(unit).label.lower()} cannot be")
    if number >= LARGEST:
        raise ValueError(f"{number} is too large to be a value of an indicator")
    if unit == Unit.PERCENT and number > 100:
        raise ValueError(f"{number} is over 100, which a percentage cannot be")
