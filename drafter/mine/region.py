"""What a report says about itself: its region, level, years and the leadership it names.

An office mining its own folder has no SOURCES file, so everything is read from the report:
the meeting line (在咸阳市第九届人民代表大会…), the label (金台区第十九届人大二次会议文件),
the title (2022年中卫市政府工作报告), the speaker (咸阳市市长), the opening (我代表市人民政府),
the part headings (2023年工作回顾 / 2024年重点工作) and the date. SOURCES.tsv beside the
corpus, when present, is used only for what the report does not say.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..phrases.slots import RegionWords
from ..tree import Document, plain
from .seg import normalize

UNITS = "市区县旗"
_ADMIN = re.compile(r"[\u4e00-\u9fff]+?(?:自治县|自治旗|新区|市|区|县|旗)")
_PAREN = re.compile(r"[（(][^（）()]*[）)]")
_MEETING = re.compile(r"(?:^|在|日|—)([^\d在—]{1,24}?)第[一二三四五六七八九十百]+届人民代表大会")
_LABEL = re.compile(r"^(.{1,16}?)第[一二三四五六七八九十百]+届人大")
_TITLE = re.compile(r"^(?:\d{4}年)?(.{2,24}?)(?:人民)?政府工作报告")
_SPEAKER = re.compile(r"^(.{2,16}?)(?:代)?(?:市|区|县|旗)长")
_OPENING = re.compile(r"我代表(.{0,16}?)人民政府")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月")
_YEAR = re.compile(r"(\d{4})年")
_PERIOD = re.compile(r"“(十[一二三四五六七八九]五)”")

_ORG = r"(?:(?:自治区|省|市|区|县|州|盟|旗)(?:党委|委|政府)|省州|政府|党委|工委(?:（区委）)?)"
_COMMITTEE = r"(?:(?:自治区|省|市|区|县|州|盟|旗)(?:党委|委)|党委|工委（区委）|工委)"
LEADERSHIP = re.compile(
    rf"(?:{_ORG}[、和及与]?)*{_COMMITTEE}(?=的?(?:坚强|正确|科学|有力)*的?领导)"
)


@dataclass(frozen=True)
class ReportInfo:
    unit: str = "市"
    region: str = ""  # 咸阳市
    place: str = ""  # 咸阳
    short: str = ""  # 咸
    leadership: str = ""  # the most frequent, e.g. 省委、省政府和市委
    plan_year: int | None = None
    review_year: int | None = None
    period: str = ""
    aliases: tuple[str, ...] = ()  # 西海岸新区 of 青岛市黄岛区（西海岸新区）

    def words(self, sentence: str = "") -> RegionWords:
        """The words to abstract in `sentence`: the leadership it names itself, if any."""
        lead = leadership_in(sentence) if sentence else None
        short = self.short
        if short and self.place and f"驻{self.place}" in sentence:
            short = ""
        return RegionWords(
            unit=self.unit,
            place=self.place,
            region=self.region,
            short=short,
            leadership=lead or self.leadership,
            year=self.plan_year,
            period=self.period,
        )


def _last_admin(name: str) -> str:
    name = _PAREN.sub("", name).strip(" ：:，,")
    found = _ADMIN.findall(name)
    return found[-1] if found else ""


def _sources_row(path: Path) -> dict[str, str] | None:
    tsv = path.parent / "SOURCES.tsv"
    if not tsv.is_file():
        return None
    try:
        with tsv.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row.get("file") == path.name:
                    return row
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return None


def infer(doc: Document, lines: list[str], path: Path) -> ReportInfo:
    h = doc.header
    label = normalize(plain(h.label))
    title = normalize(plain(h.title))
    subtitle = normalize(plain(h.subtitle))
    speaker = normalize(plain(h.speaker))
    head = [normalize(x) for x in lines[:6]]
    body = [normalize(x) for x in lines]
    opening = next((x for x in body[:12] if "我代表" in x and "报告" in x), "")

    candidates: list[str] = []
    for text in [subtitle] + head:
        m = _MEETING.search(text)
        if m:
            candidates.append(m.group(1))
    m = _LABEL.match(label)
    if m:
        candidates.append(m.group(1))
    for text in [title] + head:
        m = _TITLE.match(text)
        if m:
            candidates.append(m.group(1))
    m = _SPEAKER.match(speaker)
    if m:
        candidates.append(m.group(1))
    m = _OPENING.search(opening)
    if m:
        candidates.append(m.group(1))
    candidates.append(re.sub(r"[\d_\-\s.]+", "", path.stem))
    row = _sources_row(path)
    if row and row.get("place"):
        candidates.append(row["place"])
    region = next((r for r in (_last_admin(c) for c in candidates) if r), "")
    aliases: set[str] = set()
    for c in candidates:
        for inner in re.findall(r"[（(]([^（）()]{2,12})[）)]", c):
            aliases.add(inner)
            stem = re.sub(r"(?:新区|自治县|市|区|县|旗)$", "", inner)
            if len(stem) >= 2:
                aliases.add(stem)

    unit = ""
    m = re.search(r"我代表(?:.{0,12}?)([市区县旗])人民政府", opening)
    if m:
        unit = m.group(1)
    if not unit and region and region[-1] in UNITS:
        unit = region[-1]
    if not unit:
        scope = Counter(u for x in body for u in re.findall(r"全([市区县旗])", x))
        unit = max(sorted(scope), key=lambda u: scope[u]) if scope else "市"

    place = region
    if region and region[-1] in UNITS and len(region) >= 3:
        place = region[:-1]
    if region.endswith("新区") and len(region) >= 4:
        place = region[:-2]
    full = "".join(body)
    short = ""
    if len(place) >= 2 and re.search(f"驻{place[0]}(?!{place[1]})", full):
        short = place[0]

    # years
    review_year = plan_year = None
    for part in doc.parts:
        heading = normalize(part.heading.text) if part.heading else ""
        ym = _YEAR.search(heading)
        if not ym:
            continue
        y = int(ym.group(1))
        if part.type == "review" and review_year is None:
            review_year = y
        elif part.type in ("targets", "key_tasks") and plan_year is None:
            plan_year = y
    if plan_year is None:
        for part in doc.parts:
            if part.type != "targets":
                continue
            for _, _, p in _paragraphs(part):
                ym = re.match(r"^(?:各位代表[，！])?(\d{4})年[，,]?(?:是|全市|全区|全县|政府)", normalize(p.text))
                if ym:
                    plan_year = int(ym.group(1))
                    break
            break
    if plan_year is None and review_year is not None:
        plan_year = review_year + 1
    if plan_year is None:
        for text in [subtitle] + head:
            dm = _DATE.search(text)
            if dm:
                y, mo = int(dm.group(1)), int(dm.group(2))
                plan_year = y + 1 if mo >= 9 else y
                break
    if plan_year is None and row and (row.get("plan_year") or "").isdigit():
        plan_year = int(row["plan_year"])
    if review_year is None and plan_year is not None:
        review_year = plan_year - 1

    periods = Counter(_PERIOD.findall(full))
    period = max(sorted(periods), key=lambda p: periods[p]) if periods else ""
    leads = Counter(m.group() for m in LEADERSHIP.finditer(full))
    leadership = max(sorted(leads), key=lambda x: (leads[x], len(x))) if leads else ""
    return ReportInfo(
        unit, region, place, short, leadership, plan_year, review_year, period, tuple(sorted(aliases))
    )


def _paragraphs(part):
    from ..tree import Section

    for block in part.blocks:
        if isinstance(block, Section):
            for p in block.blocks:
                yield part, block, p
        else:
            yield part, None, block


def leadership_in(text: str) -> str | None:
    """The leadership named in this sentence (在省委、省政府和市委的坚强领导下), if any."""
    m = LEADERSHIP.search(text)
    return m.group() if m else None
