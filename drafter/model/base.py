"""Shared pieces of the data model: the strict base class and checked scalar types.

Offices type these files by hand, so every scalar is checked strictly and explained in
Chinese: 「6%」 where a number is expected, a number where text is expected, control
characters that would corrupt the .docx, misspelt keys (extra="forbid").
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, field_validator

# XML 1.0 forbids C0 controls other than tab/newline/CR; the composer reserves the private-use
# characters U+E000/U+E001 as run markers, so data may not contain them either.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ue000\ue001]")


def _check_text(v: Any) -> Any:
    if v is None:
        return v
    if isinstance(v, bool) or not isinstance(v, str):
        if isinstance(v, (int, float)):
            raise ValueError(f"应为文本，这里是数字 {v}；如确需数字形式的文本，请加引号，如 \"{v}\"")
        raise ValueError("应为一段文本")
    m = _BAD_CHARS.search(v)
    if m:
        raise ValueError(
            f"文本第 {m.start() + 1} 个字符是不可见的控制字符（U+{ord(m.group()):04X}），"
            "Word 文档无法保存，请删除"
        )
    return v.strip()


def _check_number(v: Any) -> Any:
    if v is None:
        return v
    if isinstance(v, bool):
        raise ValueError("应为数字，这里是 true/false")
    if isinstance(v, (int, float, Decimal)):
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError("应为有限的数字")
        return v
    if isinstance(v, str):
        # ４３４ typed with a Chinese input method is the number 434 (NFKC on a short string of
        # digits only: a longer one is no number anyone types)
        plain = unicodedata.normalize("NFKC", v.strip()) if len(v) <= 40 else v
        if plain != v.strip() and re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?", plain):
            return Decimal(plain) if "." in plain else int(plain)
        hint = plain.rstrip("%％").strip()
        if re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?", hint):
            raise ValueError(f"应为数字，不要带单位或百分号：写 {hint}，单位写在 unit 字段")
        # 82.53亿元: the number and its unit typed together
        if m := re.fullmatch(r"([-+]?[0-9]+(?:\.[0-9]+)?)\s*([^\s0-9.]{1,6})", plain):
            raise ValueError(f"应为数字，不要带单位：写 {m.group(1)}，单位（{m.group(2)}）写在 unit 字段")
        raise ValueError(f"应为数字，这里是文本“{v}”")
    raise ValueError("应为数字")


Text = Annotated[str, BeforeValidator(_check_text)]
# Decimal keeps the digits the office typed: 4.10 is written 4.10, never 4.1 or 4.1000000001.
Number = Annotated[
    int | Decimal | float, BeforeValidator(_check_number), WithJsonSchema({"type": "number"})
]


class Model(BaseModel):
    # defer_build: only the root Report builds a validator (its sub-models inline into it),
    # which halves the start-up cost of `drafter draft`.
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_empty_items(cls, v: Any) -> Any:
        # An empty item of a list is no sentence to leave out (`""` means that for a field): it
        # drafted as 「民族宗教、等工作」 or 「二是。」 and counted in 「两类民生实事」 (H100).
        if isinstance(v, list):
            for i, item in enumerate(v):
                if isinstance(item, str) and not item:
                    raise ValueError(f"第 {i + 1} 项是空的：请删去这一项，或写上内容")
        return v


def field(default: Any = ..., title: str = "", description: str = "", **kw: Any) -> Any:
    """A pydantic Field whose Chinese title/description feed the JSON Schema, the init skeleton's
    comments and the validator's messages."""
    return Field(default, title=title, description=description or title, **kw)


def list_field(title: str, description: str = "") -> Any:
    return Field(default_factory=list, title=title, description=description or title)
