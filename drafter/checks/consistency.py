"""Consistency of a report's text with itself and with its year and level.

Runs on the paragraphs of a draft .docx, or of a fresh composition when no draft is given.
Each rule, precisely:

年度  「NNNN年工作回顾」 must name the review year (plan year − 1); 「NNNN年工作的总体要求 /
      重点工作 / 工作安排 / 主要预期目标」 the plan year; 「今年（NNNN年）」「本年（…）」 the plan
      year, 「去年 / 上年（…）」 the review year, 「明年（…）」 the year after.
规划期 The plan in force: meta.plan_period, else 十四五 for 2021–2025, 十五五 for 2026–2030 ….
      Only a sentence that speaks about this year (it contains 今年 / 本年 / 「NNNN年」 of the plan
      year) and places this year in a plan — a plan name followed in the same clause by a
      position word (开局 / 起步 / 第一年, 收官 / 最后一年 / 决胜, 关键 / 攻坚 / 中期 /
      承上启下 / …之年 / …一年) — is checked: the plan named must be the plan in force, and
      开局 only fits its first year, 收官 only its fifth. Naming the next plan with 谋篇 / 谋划 /
      编制 / 布局 is fine (2025: 也是“十五五”谋篇布局之年), and so is the next plan's opening
      in the last year of the current one (2025: 为实现“十五五”良好开局打牢基础). Any other mention of a plan —
      “十四五”以来取得的成就, 完成“十四五”节点目标 — is a reference, not a claim about this
      year, and is never reported.
层级  Self-references of another level — 全市 / 我市 / 本市 / 全市人民 in a 区 or 县 report, 全区 /
      全县 in a 市 report, 全市 / 全县 in a 州 (autonomous prefecture) report … (全省 is the
      superior of every non-province report and is left alone — except below an autonomous
      region, whose superior is 全区 / 自治区党委: there 全省 / 省委 / 省政府 are reported and
      全区 is not, in a 市 or 州). Text the office wrote itself is exempt (全市首善之区 in a district's own words, a
      comparison 高于全市), and so are words derived from the level. In a fresh composition
      what is left is template or phrase-bank wording: 错误. In a .docx we cannot know who
      wrote what; text that still reads as drafted from the office's data is exempt, the rest
      is reported as 提示.
数字和单位  「6 %」 (space), full-width digits 「６」 and 「％」, 「百分之六」 (百分之百 is an idiom),
      「%%」, a % next to 个百分点 (2.2%个百分点, 2.2个百分点%); a space between a number and
      its unit is a 提示.
标点  ASCII , ; : ! ? ( ) next to a Chinese character (1,345 and 10:30 are left alone), and
      straight quotes " and ' next to Chinese — one finding per paragraph and mark.
重复  A sentence (cut at 。！？) of 12 or more characters that already stood earlier, not
      counting its 【待补充…】 placeholders (a fresh skeleton repeats the same placeholder).
叠字  A function character typed twice — 「为为加快推进」「的的」 — or a doubled 。，、；：！？ (错误).
      Only function characters are checked (的 了 和 与 及 并 为 将 把 被 对 从 是 以 于 而 或 其
      之): a content character doubles legitimately where two words meet (工作作风, 供水水质,
      中医医院), which no allow-list short of a dictionary covers. Two lists keep the rest
      right: reduplicated words (的的确确, 不了了之, 和和美美, 是是非非) and words ending in the
      character before the next word starts with it (成为为民, 可以以此, 目的的, 参与与会).
      On the 186 reports of style_corpus/, ../shared/corpus/ and the fixtures this flags nothing.
待补充 Leftover 【待补充…】 placeholders (错误); ×××, XXX, 某某 look like unreplaced
      example text (提示).
重复的动词 / 重复的领导机关 / 引领句重复  A figure verb twice in one clause (错误), a leadership
      chain twice in one sentence and a lead the next sentence merely repeats (提示): repeats.py.
"""

from __future__ import annotations

import re
from ..compose.words import Words, period_position
from ..model import LEVEL_WORDS, Report
from .findings import CONSISTENCY, ERROR, HINT, Finding, Severity, at
from .numbers import cn_to_int
from .origins import Origins
from .repeats import doubled_verbs, lead_echoes, repeated_chains

YEAR = "年度"
PLAN = "规划期"
LEVEL = "层级用语"
FORMAT = "数字和单位"
PUNCT = "标点"
DUPLICATE = "重复的句子"
PLACEHOLDER = "待补充"
DOUBLED = "叠字"
DOUBLED_VERB = "重复的动词"
CHAIN = "重复的领导机关"
ECHO = "引领句重复"

_CJK = r"\u4e00-\u9fff"
_REVIEW_HEAD = re.compile(r"(\d{4})\s*年工作回顾")
_PLAN_HEAD = re.compile(r"(\d{4})\s*年(?:工作的总体要求|重点工作|工作安排|(?:经济社会发展)?主要预期目标)")
_RELATIVE = re.compile(r"(今年|本年|去年|上年|明年)\s*[（(]\s*(\d{4})\s*年?\s*[)）]")
_PLAN_NAME = re.compile(r"(?<![一二三四五六七八九十百])十([一二三四五六七八九])五")
_OPENING = ("开局", "开好局", "起步", "第一年", "开篇之年")
_CLOSING = ("收官", "最后一年", "决胜")
_PLANNING = ("谋篇", "谋划", "编制", "布局")
_POSITION = _OPENING + _CLOSING + ("关键", "攻坚", "中期", "承上启下", "之年", "一年")
_PLACEHOLDER = re.compile(r"【待补充[^】]*】")
_DUMMY = re.compile(r"×{2,}|[Xx]{3,}|某某")
_SPACE_PERCENT = re.compile(r"\d[ \u3000\t]+[%％]")
_WIDE_DIGITS = re.compile(r"[０-９]+")
_WIDE_PERCENT = re.compile(r"[\d０-９]\s*％")
_CN_PERCENT = re.compile(r"百分之(?!百)[零〇一二两三四五六七八九十百点]+")
_DOUBLE_PERCENT = re.compile(r"[%％]{2,}")
_PERCENT_POINT = re.compile(r"[%％]\s*个?百分点|个?百分点\s*[%％]")
_SPACE_UNIT = re.compile(rf"\d[ \u3000\t]+[{_CJK}]")
_ASCII_PUNCT = re.compile(rf"(?<=[{_CJK}，。；：、“”（）])[,;:!?]|[,;:!?](?=[{_CJK}“”（）])")
_ASCII_PAREN = re.compile(rf"(?<=[{_CJK}])[()]|[()](?=[{_CJK}])")
_STRAIGHT = re.compile(rf"\"|(?<=[{_CJK}])'|'(?=[{_CJK}])")
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）", '"': "“ ”", "'": "‘ ’"}
_NAMES = {",": "逗号", ";": "分号", ":": "冒号", "!": "叹号", "?": "问号", "(": "括号", ")": "括号", '"': "直引号", "'": "直引号"}
_DOUBLE_MARK = re.compile(r"([的了和与及并为将把被对从是以于而或其之。，、；：！？])\1")
# Reduplicated words that hold one of those doubles.
_REDUPLICATED = ("的的确确", "不了了之", "和和美美", "和和气气", "是是非非", "对对碰")
# Words ending in the character (the one before the double + it): the double is two words.
_ENDS_WITH = {
    "为": "成作认因视称更较极尤行", "以": "可所难予得足加借用", "于": "由等对关属处基在至终过鉴",
    "对": "面应相针绝反核", "和": "总缓温饱平柔", "之": "总加久", "其": "尤极与", "而": "从进继因然反",
    "与": "参给赋授", "及": "以涉普危波顾企", "是": "就但还更总凡可即倒只或于正", "的": "目有",
    "将": "即必", "并": "合兼吞", "了": "为除罢", "从": "服听自遵跟",
}
# Words starting with the character (it + the one after the double), after a one-character word.
_STARTS_WITH = {"对": "手话接象称", "和": "谐平睦美气", "与": "会"}


def _context(text: str, start: int, end: int, n: int = 10) -> str:
    s, e = max(0, start - n), min(len(text), end + n)
    return ("…" if s else "") + text[s:e] + ("…" if e < len(text) else "")


class _Collector:
    def __init__(self, paras: list[str], origins: Origins):
        self.paras = paras
        self.origins = origins
        self.found: list[tuple[int, Finding]] = []

    def add(self, i: int, kind: str, severity: Severity, message: str, offset: int | None = None) -> None:
        """`offset`: where in the paragraph, to name the data path when it is the office's text."""
        n, ex = at(self.paras, i)
        path = self.origins.path(i, offset) if offset is not None else ""
        self.found.append((i, Finding(CONSISTENCY, kind, severity, message, n, ex, path)))


def _years(c: _Collector, i: int, text: str, year: int) -> None:
    review = year - 1
    for m in _REVIEW_HEAD.finditer(text):
        if int(m.group(1)) != review:
            c.add(i, YEAR, ERROR, f"“{m.group(0)}”：本报告回顾的是{review}年，应为“{review}年工作回顾”", m.start())
    for m in _PLAN_HEAD.finditer(text):
        if int(m.group(1)) != year:
            c.add(i, YEAR, ERROR, f"“{m.group(0)}”：本报告部署的是{year}年工作，年份应为{year}", m.start())
    wanted = {"今年": year, "本年": year, "去年": review, "上年": review, "明年": year + 1}
    for m in _RELATIVE.finditer(text):
        if int(m.group(2)) != wanted[m.group(1)]:
            c.add(i, YEAR, ERROR, f"“{m.group(0)}”：本报告的{m.group(1)}是{wanted[m.group(1)]}年", m.start())


def _plan(c: _Collector, i: int, text: str, year: int, current: str) -> None:
    this_year = re.compile(rf"今年|本年|{year}年(?!\d)")
    cur_n = cn_to_int(current[:-1]) if current.endswith("五") else None
    k = (year - 2021) % 5
    for sentence in re.finditer(r"[^。！？]+[。！？]?", text):
        s = sentence.group(0)
        if not this_year.search(s):
            continue
        for m in _PLAN_NAME.finditer(s):
            name = m.group(0)
            clause = re.split(r"[，；,;]", s[m.end():], maxsplit=1)[0]
            if not any(w in clause for w in _POSITION + _PLANNING):
                continue
            n = cn_to_int("十" + m.group(1))
            if any(w in clause for w in _PLANNING) and cur_n is not None and n in (cur_n, cur_n + 1):
                continue
            # The last year of a plan lays the ground for the next one's opening:
            # 为实现“十五五”良好开局打牢基础 in 2025.
            if k == 4 and cur_n is not None and n == cur_n + 1 and any(w in clause for w in _OPENING):
                continue
            at_ = sentence.start() + m.start()
            where = _context(text, at_, sentence.start() + m.end(), 14)
            if name != current:
                c.add(i, PLAN, ERROR,
                      f"{year}年属于“{current}”规划期，这里把“{name}”写作今年所处的规划：{where}", at_)
            elif any(w in clause for w in _OPENING) and k != 0:
                c.add(i, PLAN, ERROR, f"{year}年是“{current}”规划的{period_position(year)}，不是开局之年：{where}", at_)
            elif any(w in clause for w in ("收官", "最后一年")) and k != 4:
                c.add(i, PLAN, ERROR, f"{year}年是“{current}”规划的{period_position(year)}，不是收官之年：{where}", at_)


# A province's words as an autonomous region writes them (内蒙古: 全区, 自治区党委).
_AUTONOMOUS_WORDS = {"全省": "全区", "省委": "自治区党委", "省政府": "自治区政府", "省人民政府": "自治区人民政府"}


def _autonomous(level: str, province: str | None) -> bool:
    """A region below an autonomous region (呼和浩特 in 内蒙古): its superior is 全区 / 自治区党委."""
    return level != "省" and (province or "").endswith("自治区")


def _level_patterns(level: str, province: str | None = None) -> list[re.Pattern]:
    own = LEVEL_WORDS[level].unit
    # 全区 is the superior of a prefecture (市 / 州) in an autonomous region, as 全省 is elsewhere
    superior = "区" if _autonomous(level, province) and own in ("市", "州") else ""
    # 全州 is left alone: a 县 or 县级市 of an autonomous prefecture compares with it
    others = [u for u in ("省", "市", "区", "县") if u not in (own, superior) and (u != "省" or level == "省")]
    # 全区域 / 全市场 / 本县域 are not level words.
    pats = [re.compile(rf"(?:全|我|本){u}(?![域场级])(?:人民)?") for u in others]
    if _autonomous(level, province):  # no province above it: 全区, 自治区党委、政府
        pats.append(re.compile(r"全省(?![域级])|省委|省政府|省人民政府"))
    return pats


def _level(c: _Collector, i: int, text: str, level: str, docx: bool, province: str | None = None) -> None:
    own = "全" + LEVEL_WORDS[level].unit
    for pat in _level_patterns(level, province):
        for m in pat.finditer(text):
            kinds = c.origins.kinds(i, m.start(), m.end())
            if kinds <= {"office", "level"}:
                continue  # the office's own words, or derived from its level
            where = _context(text, m.start(), m.end())
            word = m.group(0)
            if not docx and "machine" not in kinds:
                continue
            if "省" in word:  # a province's words below an autonomous region
                c.add(i, LEVEL, HINT if docx else ERROR,
                      f"{province}是自治区，“{word}”应为“{_AUTONOMOUS_WORDS[word]}”"
                      f"{'？请确认' if docx else ''}：{where}", m.start())
            elif docx:
                c.add(i, LEVEL, HINT, f"本报告是{level}级，“{word}”是否指本{LEVEL_WORDS[level].unit}（应为“{own}”）？请确认：{where}", m.start())
            else:
                c.add(i, LEVEL, ERROR, f"模板或语料措辞中的“{word}”与本报告的{level}级不符：{where}", m.start())


def _format(c: _Collector, i: int, text: str) -> None:
    for m in _SPACE_PERCENT.finditer(text):
        c.add(i, FORMAT, ERROR, f"百分号前不应有空格：{_context(text, m.start(), m.end())}", m.start())
    for m in _WIDE_DIGITS.finditer(text):
        half = m.group(0).translate({0xFF10 + d: str(d) for d in range(10)})
        c.add(i, FORMAT, ERROR, f"全角数字“{m.group(0)}”，应写作半角“{half}”：{_context(text, m.start(), m.end())}", m.start())
    for m in _WIDE_PERCENT.finditer(text):
        c.add(i, FORMAT, ERROR, f"全角百分号“％”，应写作“%”：{_context(text, m.start(), m.end())}", m.start())
    for m in _CN_PERCENT.finditer(text):
        c.add(i, FORMAT, ERROR, f"“{m.group(0)}”应写作阿拉伯数字加百分号（如 6%）：{_context(text, m.start(), m.end())}", m.start())
    for m in _DOUBLE_PERCENT.finditer(text):
        c.add(i, FORMAT, ERROR, f"重复的百分号：{_context(text, m.start(), m.end())}", m.start())
    for m in _PERCENT_POINT.finditer(text):
        c.add(i, FORMAT, ERROR, f"“个百分点”不与 % 连用：{_context(text, m.start(), m.end())}", m.start())
    for m in _SPACE_UNIT.finditer(text):
        c.add(i, FORMAT, HINT, f"数字与单位之间有空格：{_context(text, m.start(), m.end())}", m.start())


def _punct(c: _Collector, i: int, text: str) -> None:
    seen: dict[str, list[int]] = {}
    for pat in (_ASCII_PUNCT, _ASCII_PAREN, _STRAIGHT):
        for m in pat.finditer(text):
            seen.setdefault(m.group(0), []).append(m.start())
    for ch, starts in seen.items():
        count = f"（{len(starts)}处）" if len(starts) > 1 else ""
        c.add(i, PUNCT, ERROR,
              f"半角{_NAMES[ch]}“{ch}”{count}，应为全角“{_FULL[ch]}”：{_context(text, starts[0], starts[0] + 1)}", starts[0])


def _duplicates(c: _Collector, paras: list[str]) -> None:
    first: dict[str, int] = {}
    for i, text in enumerate(paras):
        for m in re.finditer(r"[^。！？]+[。！？]?", text):
            key = re.sub(r"\s+", "", m.group(0)).rstrip("。！？")
            if len(_PLACEHOLDER.sub("", key)) < 12:
                continue
            if key in first:
                n = first[key] + 1
                c.add(i, DUPLICATE, ERROR, f"句子与第{n}段重复：{key[:30]}{'…' if len(key) > 30 else ''}", m.start())
            else:
                first[key] = i


def _doubled(c: _Collector, i: int, text: str) -> None:
    for m in _DOUBLE_MARK.finditer(text):
        ch, s, e = m.group(1), m.start(), m.end()
        if any(w in text[max(0, s - 3):e + 3] and ch * 2 in w for w in _REDUPLICATED):
            continue
        if (s and text[s - 1] in _ENDS_WITH.get(ch, "")) or (e < len(text) and text[e] in _STARTS_WITH.get(ch, "")):
            continue
        what = "标点" if not "\u4e00" <= ch <= "\u9fff" else "字"
        c.add(i, DOUBLED, ERROR, f"{what}“{ch}”重复了一次：{_context(text, s, e)}", s)


def _repeats(c: _Collector, i: int, text: str) -> None:
    for rule, kind, severity in ((doubled_verbs, DOUBLED_VERB, ERROR), (repeated_chains, CHAIN, HINT),
                                 (lead_echoes, ECHO, HINT)):
        for offset, message in rule(text):
            c.add(i, kind, severity, message, offset)


def _placeholders(c: _Collector, i: int, text: str) -> None:
    for m in _PLACEHOLDER.finditer(text):
        c.add(i, PLACEHOLDER, ERROR, f"留有占位符“{m.group(0)}”：请在数据文件中补充后重新生成，或在文稿中填写", m.start())
    for m in _DUMMY.finditer(text):
        c.add(i, PLACEHOLDER, HINT, f"“{m.group(0)}”像是未替换的示例内容：{_context(text, m.start(), m.end())}", m.start())


def check_consistency(report: Report, paras: list[str], origins: Origins, docx: bool) -> list[Finding]:
    """All consistency rules over `paras` (0-based list; findings carry 1-based numbers).
    `origins` tells who wrote what (origins.py); `docx`: the paragraphs are a draft's."""
    c = _Collector(paras, origins)
    year = report.meta.year
    current = Words.of(report.meta).period.strip("“”\"").removesuffix("规划")
    for i, text in enumerate(paras):
        if not text.strip():
            continue
        _years(c, i, text, year)
        _plan(c, i, text, year, current)
        _level(c, i, text, report.meta.level, docx, report.meta.province)
        _format(c, i, text)
        _punct(c, i, text)
        _doubled(c, i, text)
        _repeats(c, i, text)
        _placeholders(c, i, text)
    _duplicates(c, paras)
    c.found.sort(key=lambda x: x[0])
    return [f for _, f in c.found]
