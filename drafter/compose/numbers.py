"""Numbers as reports write them: 2878, 4.3, 6.5%、8%; 一、 （一） 第一 ……"""

from __future__ import annotations

from decimal import Decimal

_DIGITS = "零一二三四五六七八九"


def format_number(v: float | int | Decimal) -> str:
    """Numbers as typed (Decimal keeps 4.10), floats in their shortest form: 2878, 4.3, 0.05,
    never 2878.0 or 1e-05."""
    if isinstance(v, bool):  # pragma: no cover - the model refuses booleans
        raise TypeError("boolean is not a number")
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Decimal):
        return format(v, "f")
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    text = format(Decimal(repr(v)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def magnitude(v: float | int | Decimal) -> float | int | Decimal:
    """abs() of a data number, its type kept (a type checker joins abs() of the union to object)."""
    if isinstance(v, Decimal):
        return abs(v)
    return abs(v)


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999)."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            tail = ""
        elif rest < 10:
            tail = "零" + _DIGITS[rest]
        else:
            tail = cn_number(rest) if rest >= 20 else "一" + cn_number(rest)
        return _DIGITS[hundreds] + "百" + tail
    thousands, rest = divmod(n, 1000)
    if rest == 0:
        tail = ""
    elif rest < 100:
        tail = "零" + (cn_number(rest) if rest >= 20 or rest < 10 else "一" + cn_number(rest))
    else:
        tail = cn_number(rest)
    return _DIGITS[thousands] + "千" + tail


def cn_count(n: int) -> str:
    """How reports count their own sections: 重点抓好以下九个方面 / 主要做了6个方面工作 use both;
    we write Chinese numerals up to 十, digits above (十二个方面 reads heavy)."""
    if n == 2:
        return "两"  # 两件民生实事, never 二件
    return cn_number(n) if n <= 10 else str(n)
