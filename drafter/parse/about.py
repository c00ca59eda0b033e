"""What a report says about itself: its region, level, years, meeting, speaker and leadership.

    about(doc, lines, path) -> ReportInfo   read from the parsed report (parse_lines) and its lines
    leadership_in(sentence) -> str | None   the leadership a sentence names (省委、省政府和市委)
    LEADERSHIP                               the regex behind it

Used by the miner (drafter.mine: the region words it turns into slots, the bank's corpus rows)
and by `drafter init --from LAST` (drafter.lastyear: the meta of next year's data file). An
office mining its own folder has no SOURCES file, so everything is read from the report: the
title (2022年中卫市政府工作报告), the meeting line (在咸阳市第九届人民代表大会…), the label
(金台区第十九届人大二次会议文件), the speaker (咸阳市市长 冷劲松), the opening (我代表市人民政府),
the part headings (2023年工作回顾 / 2024年重点工作) and the date. SOURCES.tsv beside the report
is read only as a last resort, for what the report does not say at all.

Pure string rules: no jieba (the parser package never imports it). The rules were once two
copies, drafter/mine/region.py and drafter/lastyear.py; where they differed, the comments
below say which one was kept and why. Full-width digits need no normalising here: \\d and
int() read ２０２３ as 2023, and every name matched is Chinese characters.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model.meta import BELOW_PREFECTURE
from ..tree import Document, plain

__all__ = [
    "COMMITTEE", "LEADERSHIP", "UNITS", "RegionWords", "ReportInfo", "about", "after_meeting", "leadership_in",
    "level_of", "parent_of", "province_of", "short_of",
]

UNITS = "市州区县旗"  # the one-character unit of 全市 / 市人民政府 / 市委 (全州 / 州人民政府 of a 自治州)
_CN_NUM = "一二三四五六七八九十百"

# A whole region name ends with an administrative unit. lastyear's rule (with 省, 自治区, 州, 盟:
# the miner's knew only 市区县旗) decides whether a candidate is a region name at all.
_ADMIN_END = re.compile(r"(?:省|自治区|市|区|县|旗|州|盟)$")
# The region's own name inside a longer one (黄岛区 of 青岛市黄岛区): the miner's rule, also used
# to pick a name out of a candidate that is not one as a whole (咸阳市2024年政府工作报告.docx).
_ADMIN = re.compile(r"[\u4e00-\u9fff]+?(?:自治县|自治旗|新区|市|区|县|旗)")
_PAREN = re.compile(r"[（(][^（）()]*[）)]")

# Candidates, each lastyear's rule: the title as a whole line (the miner's matched its start
# only, so 关于…政府工作报告的说明 could count); the meeting up to 第N次会议 (it is also the
# meeting the data file is told about, and allows 常务委员会); the speaker line with the name
# after the title (金台区人民政府区长 王润军, 代理市长); the file name less digits and 年.
_TITLE = re.compile(r"^(?:\d{4}年)?(.+?)(?:人民)?政府工作报告$")
_MEETING = re.compile(rf"([^\d在—年月日]{{0,24}}?)第[{_CN_NUM}]+届人民代表大会(?:常务委员会)?第[{_CN_NUM}]+次会议")
_LABEL = re.compile(rf"^(.{{1,20}}?)第[{_CN_NUM}]+届人大")
_SPEAKER = re.compile(r"^(.{2,20}?[市区县旗州])(?:人民政府)?(?:代理|代)?(?:省|市|区|县|旗|州)长\s*(.*)$")
_BARE_SPEAKER = re.compile(r"^((?:代理|代)?[市区县旗州]长)[\s　]*([\u4e00-\u9fff·]{2,8})$")
_OPENING = re.compile(r"我代表(.{1,16}?)人民政府")
_OPENING_UNIT = re.compile(rf"我代表(?:.{{0,12}}?)([{UNITS}])人民政府")
_OPENING_OWN_UNIT = re.compile(rf"我代表(?:.{{0,12}}?)([{UNITS}盟])人民政府")

_YEAR = re.compile(r"(\d{4})年")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月")
# The miner's rule: the targets part says which year it plans (2023年是…).
_PLAN_SENTENCE = re.compile(r"^(?:各位代表[，！])?(\d{4})年[，,]?(?:是|全市|全区|全县|政府)")
_PERIOD = re.compile(r"“(十[一二三四五六七八九]五)”")

# The leadership: the miner's rule. lastyear's (在X的坚强领导下, X ending in 委) also took the
# national level (党中央、国务院和省委、省政府及市委 in 宜春, 中央、省、市和区委 in 望城), which
# the closing formula already names (团结在以习近平同志为核心的党中央周围，在{上级领导}的坚强
# 领导下), missed 工委（区委）(黄岛) and 自治区党委政府和市委 (银川: more than six characters
# before 和), and counted only 在…领导下, not 是…坚强领导的结果. This one is a chain of local
# organs before 的坚强/正确/科学/有力领导; the most frequent chain wins, the longest on a tie.
# A chain may end with a superior's government after its committee: 杭州's 省委省政府坚强领导,
# 乌鲁木齐's 自治区党委、自治区人民政府坚强领导, 林芝's 自治区党委、政府坚强领导和市委直接领导.
_ORG = r"(?:(?:自治区|省|市|区|县|州|盟|旗)(?:党委|委|人民政府|政府)|省州|政府|党委|工委(?:（区委）)?)"
COMMITTEE = r"(?:(?:自治区|省|市|区|县|州|盟|旗)(?:党委|委)|党委|工委（区委）|工委)"
_LED_BY = r"(?=的?(?:坚强|正确|科学|有力|直接)*的?领导)"
LEADERSHIP = re.compile(
    rf"(?:{_ORG}[、和及与]?)*{COMMITTEE}(?:[、和及与]?(?:{_ORG}))*{_LED_BY}"
)

# Provinces and autonomous regions by the short name reports use (美丽浙江, 湖南省委), with the
# full name meta.province takes. The municipalities are left out: a report names 上海 or 北京 as
# a partner city far more often than as its own province.
PROVINCES: dict[str, str] = {
    **{p: p + "省" for p in (
        "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
        "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
    )},  # 台湾 left out too: 厦门 names it more than 福建
    "内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区", "宁夏": "宁夏回族自治区",
    "新疆": "新疆维吾尔自治区",
}
_PROVINCE_WORD = re.compile(r"全省|省委|省政府|全区|自治区")
# A province's short name inside a longer place name is not the province: 庄浪's street 南河北路
# (河北), 山西路, 湖南路, 江西大道; and a bank or foot of a river, lake or mountain is not either:
# 黄河南岸, 渭河北坡, 湘江西岸, 兰山东麓 (22 such in the 161 reports). The next character says it.
_INSIDE_NAME = r"(?![路街巷道桥村镇乡岸麓坡侧源])"

_HINT_COUNTY_CITY = "层级按报告推定为“县级市”（报告提到了上级市、州）；如为地级市请改为 市"
_HINT_LEAGUE = "盟暂不支持，层级按“市”起草；盟行政公署、盟长等用语请在文稿中改写"
_HINT_CITY = "层级按报告推定为“市”；县级市请改为 县级市，并填写 parent（所属的市）"


@dataclass(frozen=True)
class RegionWords:
    """What a report says about itself, used to abstract its sentences (phrases.slots.abstract)."""

    unit: str  # 市 / 区 / 县 / 省
    place: str = ""  # 咸阳
    region: str = ""  # 咸阳市
    short: str = ""  # 咸
    leadership: str = ""  # 省委、省政府和市委
    year: int | None = None  # plan year
    period: str = ""  # 十四五


@dataclass(frozen=True)
class ReportInfo:
    region: str = ""  # as the report writes it in full: 长沙市望城区, 青岛市黄岛区（西海岸新区）
    name: str = ""  # its own name in running text: 望城区, 黄岛区 (咸阳市 for 咸阳市)
    place: str = ""  # the name less its unit: 望城, 咸阳
    short: str = ""  # 咸 of 驻咸部队, when the report writes it
    unit: str = "市"  # 市 / 区 / 县 / 旗: 全市, 市人民政府 (a county-level city says 市)
    level: str = ""  # 省 / 市 / 区 / 县 / 县级市 (model.LEVELS); "" when no region was found
    level_hint: str = ""  # why the level is a guess (市 or 县级市), for a comment to check it
    aliases: tuple[str, ...] = ()  # 西海岸新区, 西海岸 of 青岛市黄岛区（西海岸新区）
    leadership: str = ""  # the most frequent, e.g. 省委、省政府和市委
    plan_year: int | None = None
    review_year: int | None = None
    period: str = ""  # 十四五
    meeting: str = ""  # 咸阳市第九届人民代表大会第四次会议
    speaker: str = ""  # 冷劲松
    speaker_title: str = ""  # 咸阳市市长
    province: str = ""  # 浙江省, when the report plainly names its own province (province_of)
    provinces: tuple[str, ...] = ()  # every province it names, most named first
    parent: str = ""  # the city above a 区 / 县 / 县级市: 长沙市 of 长沙市望城区 (parent_of)

    def words(self, sentence: str = "") -> RegionWords:
        """The words to abstract in `sentence`: the leadership it names itself, if any."""
        lead = leadership_in(sentence) if sentence else None
        short = self.short
        if short and self.place and f"驻{self.place}" in sentence:
            short = ""
        return RegionWords(
            unit=self.unit,
            place=self.place,
            region=self.name,  # running text says 望城区, rarely 长沙市望城区
            short=short,
            leadership=lead or self.leadership,
            year=self.plan_year,
            period=self.period,
        )


def leadership_in(text: str) -> str | None:
    """The leadership named in this sentence (在省委、省政府和市委的坚强领导下), if any."""
    m = LEADERSHIP.search(text)
    return m.group() if m else None


def about(doc: Document, lines: list[str], path: str | Path) -> ReportInfo:
    """What the report `doc` (parsed from `lines`, read from `path`) says about itself."""
    path = Path(path)
    h = doc.header
    title, subtitle, label, speaker_line = (plain(x).strip() for x in (h.title, h.subtitle, h.label, h.speaker))
    # the opening sentence (现在，我代表市人民政府向大会报告工作): the miner's rule, a line that
    # says both 我代表 and 报告, so a thanks paragraph (我代表市人民政府，向…致以) is not it
    opening = next((x for x in lines[:12] if "我代表" in x and "报告" in x), "")
    front = _read_front(title, subtitle, label, speaker_line, opening, lines, path)
    full = "".join(lines)
    own_unit = _OPENING_OWN_UNIT.search(opening)
    region, row = _region(front.candidates, path, own_unit.group(1) if own_unit else "", full)
    name = _own_name(region) or _PAREN.sub("", region)
    place = _place(name)
    level, hint = _level(region, full) if region else _opening_level(opening)
    province, provinces = province_of(full)
    parent = parent_of(region, level, full) if region else ""
    plan_year, review_year = _years(doc, title, subtitle, lines, path, row)
    return ReportInfo(
        region=region, name=name, place=place, short=_short(place, full), unit=_unit(opening, name, full),
        level=level, level_hint=hint, aliases=_aliases(front.candidates + ([region] if row else [])),
        leadership=_leadership(full), plan_year=plan_year, review_year=review_year,
        period=_period(full), meeting=front.meeting, speaker=front.speaker, speaker_title=front.speaker_title,
        province=province, provinces=provinces, parent=parent,
    )


def level_of(region: str, text: str) -> tuple[str, str]:
    """The level of `region` (given by the user: --region) in the report `text`, and the hint
    when it is a guess: the same rule as a region the report names itself."""
    return _level(region, text)


def short_of(region: str, text: str) -> str:
    """The one-character short name (益 of 驻益部队) of `region` in the report `text`, or ""."""
    return _short(_place(_own_name(region) or _PAREN.sub("", region)), text)


def province_of(text: str) -> tuple[str, tuple[str, ...]]:
    """(the report's own province in full, every province it names, most named first). The own
    province is filled only when the report speaks of a province (全省, 省委, 自治区) and names
    one at least twice and at least twice as often as all the others together: 湖州 names 浙江
    7 times and no other; 来宾 names 广西 9 times and 浙江 5 (a partner) and stays unfilled.
    Measured on the 161 reports of style_corpus (SOURCES.tsv): 143 filled, none wrong."""
    counts = {short: n for short in PROVINCES if (n := len(re.findall(short + _INSIDE_NAME, text)))}
    named = tuple(PROVINCES[s] for s in sorted(counts, key=lambda s: (-counts[s], s)))
    if not counts or not _PROVINCE_WORD.search(text):
        return "", named
    top = max(sorted(counts), key=lambda s: counts[s])
    rest = sum(counts.values()) - counts[top]
    return (PROVINCES[top] if counts[top] >= 2 and counts[top] >= 2 * rest else ""), named


def parent_of(region: str, level: str, text: str) -> str:
    """The city above a 区 / 县 / 县级市, when the report gives it: the region's own name
    (长沙市 of 长沙市望城区, 青岛市 of 青岛市黄岛区（西海岸新区）), else the one other city the
    report names right after the province as its superior (按照省、晋城市要求: _level's sign).
    "" when it does not: 庄浪's 市委、市政府和县委 names no city, and guessing one from 平凉红牛
    would be a guess."""
    if level not in BELOW_PREFECTURE:
        return ""
    names = _ADMIN.findall(re.sub(r"^.*?(?:省|自治区)", "", _PAREN.sub("", region)))
    if len(names) >= 2 and names[-2].endswith("市"):
        return names[-2]
    own = _place(_own_name(region) or region)
    cities = {c for c in _PARENT_SIGN.findall(text) if c != own and not own.startswith(c)}
    return f"{cities.pop()}市" if len(cities) == 1 else ""


# 按照省、晋城市要求 / 省、晋城市委: a city the report answers to (not 省辖市市委书记 of 亳州)
_PARENT_SIGN = re.compile(r"[省、]((?:(?![政府和及与暨首创省州委会辖])[\u4e00-\u9fff]){2,3})市(?:委|政府|要求|下达)")


# 玉林 writes the speaker on the meeting line: 「——2024年2月29日在玉林市第六届人民代表大会第六次会议上 市长 张惠强」
_MEETING_THEN_SPEAKER = re.compile(r"^.*?会议上[\s　]+(?=\S)")


def after_meeting(line: str) -> str:
    """The speaker written after the meeting on its line (市长 张惠强), or ""."""
    m = _MEETING_THEN_SPEAKER.match(line)
    return line[m.end():] if m else ""


@dataclass
class _Front:
    """What the front matter says: region candidates in order of trust, the meeting and speaker."""

    candidates: list[str]
    meeting: str = ""
    speaker: str = ""
    speaker_title: str = ""


def _read_front(title: str, subtitle: str, label: str, speaker_line: str, opening: str,
                lines: list[str], path: Path) -> _Front:
    """Region candidates from the title, meeting line, label, speaker line, opening, SOURCES.tsv
    and file name, in that order; the meeting and speaker read on the way."""
    front = _Front([])
    for t in [title] + lines[:3]:
        m = _TITLE.match(t.replace(" ", ""))
        if m:
            front.candidates.append(m.group(1))
    for t in [subtitle] + lines[:6]:
        m = _MEETING.search(t)
        if m:
            front.candidates.append(m.group(1))
            front.meeting = front.meeting or m.group(0)
    m = _LABEL.match(label)
    if m:
        front.candidates.append(m.group(1))
    tail = next((said for t in [subtitle] + lines[:6] if (said := after_meeting(t))), "")
    said = speaker_line if _SPEAKER.match(speaker_line) else tail
    m = _SPEAKER.match(said)
    if m:
        front.candidates.append(m.group(1))
        if m.group(2).strip():  # 咸阳市市长 冷劲松
            front.speaker, front.speaker_title = m.group(2).strip(), said[: m.start(2)].strip()
    elif (bare := _BARE_SPEAKER.match(tail)):  # 市长 张惠强: the title without the region
        front.speaker, front.speaker_title = bare.group(2), bare.group(1)
    m = _OPENING.search(opening)
    if m:
        front.candidates.append(m.group(1))
    # SOURCES.tsv's place before the file name: 2024_广州.txt says 广州, which looks like a
    # region (…州) but is 广州市
    listed = (_sources_row(path) or {}).get("place", "").strip()
    if listed:
        front.candidates.append(listed)
    front.candidates.append(re.sub(r"[\d_\-\s.年]+", "", path.stem))
    # a copy named 政府工作报告.txt: the text's own words last, 在三亚市第…届人民代表大会 / 我代表
    # 三亚市人民政府 anywhere, then the thanks' 驻崇左部队 (two characters or more: 驻市部队 names none)
    full = "".join(lines)
    for rx in (_MEETING, _OPENING):
        m = rx.search(full)
        if m:
            front.candidates.append(m.group(1))
    front.candidates += [x for x in _STATIONED_NAME.findall(full) if x[0] not in UNITS]
    return front


def _region(candidates: list[str], path: Path, unit: str, full: str) -> tuple[str, dict[str, str] | None]:
    """The region as written in full, and SOURCES.tsv's row when only that row named it."""
    # the title comes first (lastyear's order; the miner's began with the meeting line): it has
    # the fullest name, 芜湖市繁昌区 where the meeting line says 繁昌区. A bare place (湖州 of
    # 2024_湖州.txt, which _region_ok takes for a 州) gets the unit the report writes it with
    # (`unit`: the opening's 我代表市人民政府, or "").
    candidates = [_with_unit(c, unit, full) for c in candidates]
    region = next((c for c in candidates if _region_ok(c)), "")
    if not region:
        region = next((r for r in map(_own_name, candidates) if r), "")
    if region:
        return region, None
    row = _sources_row(path)  # last resort: SOURCES.tsv beside the report
    return (row or {}).get("place", "").strip(), row


def _with_unit(candidate: str, unit: str, full: str) -> str:
    """A bare place (a file name, 2024_湖州.txt) with the unit the report gives it: 湖州 → 湖州市
    where the text writes 湖州市; 临沂 → 临沂市 where it writes 临沂 and 我代表市人民政府 but never
    临沂市. Only the opening's unit (市 or 州 without one) is tried: 东营区, 武汉区域 and 郴州旗帜
    are other places or other words. Any other candidate as it is."""
    if (not re.fullmatch(r"[\u4e00-\u9fff]{2,6}", candidate) or candidate.endswith(("市", "区", "县", "旗", "省", "盟"))
            or (unit and candidate.endswith(unit))):  # 黔东南州 of a 州 report is whole
        return candidate
    for u in [u for u in ([unit] if unit else ["市", "州"]) if not candidate.endswith(u)]:  # not 黔东南州州委
        if re.search(f"{candidate}{u}(?![域场帜])", full):
            return candidate + u
    if unit and full.count(candidate) >= 2:
        return candidate + unit
    return candidate


def _opening_level(opening: str) -> tuple[str, str]:
    """The level when no region was found: the opening's 我代表市/区/县人民政府 says it."""
    m = _OPENING_UNIT.search(opening)
    if not m:
        return "", ""
    unit = {"旗": "县"}.get(m.group(1), m.group(1))
    return unit, (_HINT_CITY if unit == "市" else "")


def _aliases(candidates: list[str]) -> tuple[str, ...]:
    """Names in brackets (西海岸新区 of 青岛市黄岛区（西海岸新区）) and their stems (西海岸)."""
    aliases: set[str] = set()
    for c in candidates:
        for inner in re.findall(r"[（(]([^（）()]{2,12})[）)]", c):
            aliases.add(inner)
            stem = re.sub(r"(?:新区|自治县|市|区|县|旗)$", "", inner)
            if len(stem) >= 2:
                aliases.add(stem)
    return tuple(sorted(aliases))


def _unit(opening: str, name: str, full: str) -> str:
    """The unit of 全市 / 市人民政府: the opening's, the name's, else the most frequent 全X."""
    m = _OPENING_UNIT.search(opening)
    if m:
        return m.group(1)
    if name and name[-1] in UNITS:
        return name[-1]
    scope = Counter(re.findall(rf"全([{UNITS}])", full))
    return max(sorted(scope), key=lambda u: scope[u]) if scope else "市"


def _place(name: str) -> str:
    """The name less its unit: 咸阳 of 咸阳市, 西海岸 of 西海岸新区 (two-character names keep it)."""
    place = name
    if name and name[-1] in UNITS and len(name) >= 3:
        place = name[:-1]
    if name.endswith("新区") and len(name) >= 4:
        place = name[:-2]
    return place


# 驻沪部队 / 驻穗单位 / 驻蓉机构: the traditional one-character name, not the place's first character
_STATIONED_WHO = "部队|单位|机构|人民解放军|解放军|武警"
_STATIONED = re.compile(rf"驻([\u4e00-\u9fff])(?={_STATIONED_WHO})")
_STATIONED_NAME = re.compile(rf"驻([\u4e00-\u9fff]{{2,5}}?)(?:{_STATIONED_WHO})")
_NOT_SHORT = set("村镇乡点外企区县市州旗盟省地京港澳台")  # 驻村单位, 驻外机构, 驻京单位 (another city's office)


def _short(place: str, full: str) -> str:
    """咸 when the report writes 驻咸部队 (but not 驻咸阳); else the one character X of 驻X部队 /
    驻X单位 / 驻X机构 (沪 of 上海, 穗 of 广州, 邕 of 南宁) when the report writes one X only,
    or one X more than all others."""
    if len(place) >= 2 and re.search(f"驻{place[0]}(?!{place[1]})", full):
        return place[0]
    said = Counter(x for x in _STATIONED.findall(full) if x not in _NOT_SHORT)
    if not said:
        return ""
    top = max(sorted(said), key=lambda x: said[x])
    return top if said[top] > sum(said.values()) - said[top] else ""


def _period(full: str) -> str:
    periods = Counter(_PERIOD.findall(full))
    return max(sorted(periods), key=lambda p: periods[p]) if periods else ""


def _leadership(full: str) -> str:
    """The most frequent leadership chain, the longest on a tie."""
    leads = Counter(m.group() for m in LEADERSHIP.finditer(full))
    return max(sorted(leads), key=lambda x: (leads[x], len(x))) if leads else ""


def _region_ok(name: str) -> bool:
    base = _PAREN.sub("", name)
    return 2 <= len(base) <= 16 and bool(_ADMIN_END.search(base)) and "报告" not in name and "会议" not in name


def _own_name(text: str) -> str:
    """The last administrative name in `text`: 黄岛区 of 青岛市黄岛区（西海岸新区）."""
    found = _ADMIN.findall(_PAREN.sub("", text).strip(" ：:，,"))
    return found[-1] if found else ""


def _level(region: str, text: str) -> tuple[str, str]:
    """The level, and a hint when it was guessed (lastyear's rule; the miner had only the unit)."""
    base = _PAREN.sub("", region)
    if base.endswith("省") or (base.endswith("自治区") and len(base) > 4):
        return "省", ""
    if base.endswith("区"):
        return "区", ""
    if base.endswith(("县", "旗")):
        return "县", ""
    if base.endswith("州"):  # 凉山州, 黔东南苗族侗族自治州 (湖州 with its 市 is a 市 above)
        return "州", ""
    if base.endswith("盟"):  # 锡林郭勒盟: prefecture-level; the model has no 盟 (no 盟 report in the corpus)
        return "市", _HINT_LEAGUE
    # a city: prefecture-level or county-level. A county-level city names the prefecture above
    # it (按照省、晋城市要求 / 晋城市委市政府) or its autonomous prefecture (省州).
    place = base[:-1]
    signs = _PARENT_SIGN.findall(text)
    if "省州" in text or re.search(r"州(?:委|政府)", text) or any(s != place for s in signs):
        return "县级市", _HINT_COUNTY_CITY
    opening = re.search(r"我代表(市|区|县)人民政府", text)
    if opening and opening.group(1) != "市":
        return opening.group(1), ""
    return "市", _HINT_CITY


def _years(doc: Document, title: str, subtitle: str, lines: list[str], path: Path, row) -> tuple[int | None, int | None]:
    """(plan year, review year). Both sides read the part headings, then the date (a meeting
    from September on plans the next year); the miner's 2023年是… in the targets part comes
    before review year + 1, lastyear's year of the title after the date, SOURCES.tsv last."""
    review = plan = None
    for part in doc.parts:
        ym = _YEAR.search(part.heading.text if part.heading else "")
        if not ym:
            continue
        y = int(ym.group(1))
        if part.type == "review" and review is None:
            review = y
        elif part.type in ("targets", "key_tasks") and plan is None:
            plan = y
    if plan is None:
        targets = next((p for p in doc.parts if p.type == "targets"), None)
        for part, _, p in doc.paragraphs():
            ym = _PLAN_SENTENCE.match(p.text) if part is targets else None
            if ym:
                plan = int(ym.group(1))
                break
    if plan is None and review is not None:
        plan = review + 1
    if plan is None:
        for t in [subtitle] + lines[:6]:
            dm = _DATE.search(t)
            if dm:
                plan = int(dm.group(1)) + (1 if int(dm.group(2)) >= 9 else 0)
                break
    if plan is None:
        ym = _YEAR.search(title)
        plan = int(ym.group(1)) if ym else None
    if plan is None:
        row = row or _sources_row(path)
        if row and (row.get("plan_year") or "").isdigit():
            plan = int(row["plan_year"])
    if review is None and plan is not None:
        review = plan - 1
    return plan, review


def _sources_row(path: Path) -> dict[str, str] | None:
    """The row of SOURCES.tsv (a corpus index beside the report) that names this file."""
    tsv = path.parent / "SOURCES.tsv"
    if not tsv.is_file():
        return None
    try:
        with tsv.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                if r.get("file") == path.name:
                    return r
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return None
