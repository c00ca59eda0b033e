"""One report → its aggregate: every candidate entry with its count, sources and example.

The aggregate holds no text of the report beyond the examples of its entries, so mining a
folder keeps one report in memory at a time, and aggregates of different reports merge in any
order to the same bank (counts add, sources are the smallest 20, the example is that of the
first source).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..parse import ParseError, lines_from_bytes, parse_lines, read_report_bytes
from ..parse.about import ReportInfo, about
from ..parse.unwrap import unwrap
from ..phrases.slots import abstract
from ..phrases.topics import by_seeds as classify
from ..spans import CLAUSE_STOPS, widen
from ..tree import Document, Paragraph, Section, plain
from . import expressions, formulas, number_frames, seg
from .corpus import source_row
from .headings import Tokens
from .lexicon import content_word
from .places import NOT_A_PLACE, place_candidate
from .text import escape, literal_segments, literal_text, sentences, strip_marker
from .whole import not_whole

# key: (kind, part, slot, text, extra) ; extra: tuple of (field, value) pairs
Key = tuple[str, str, str, str, tuple[tuple[str, str], ...]]
MAX_SOURCES = 20
_DIGIT = re.compile(r"\d")
_NOT_A_PLACE = NOT_A_PLACE
MAX_EXAMPLE = 120


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
FINGERPRINT_MIN = 12  # characters of a sentence hashed into a report's fingerprint


def cjk_bigrams(text: str) -> set[str]:
    """The pairs of adjacent Chinese characters of `text` (pairs across punctuation, digits or
    slots do not count)."""
    return {run[i:i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)}


def fingerprint(text: str) -> frozenset[int]:
    """64-bit hashes of the sentences of FINGERPRINT_MIN characters or more, spaces and line
    breaks removed (two copies may wrap paragraphs differently)."""
    text = re.sub(r"\s", "", text)
    out = set()
    for s, e in sentences(text):
        sentence = text[s:e]
        if len(sentence) >= FINGERPRINT_MIN:
            out.add(int.from_bytes(hashlib.blake2b(sentence.encode("utf-8"), digest_size=8).digest(), "big"))
    return frozenset(out)


class Skip(Exception):
    """A file that is not mined; the message (Chinese) names it and says why."""


@dataclass
class ReportAgg:
    file: str
    sha256: str
    text_sha256: str
    place: str
    level: str
    plan_year: int | None
    province: str = ""  # from SOURCES.tsv beside the report; "" when unknown
    region: dict[str, str] = field(default_factory=dict)  # name, place, province, parent, level, unit
    items: dict[Key, list] = field(default_factory=dict)  # key → [count, sources, (source, example)]
    heading_tokens: dict[str, Tokens] = field(default_factory=dict)
    number_clauses: int = 0  # number-bearing clauses
    number_frames: dict[str, int] = field(default_factory=dict)  # frame → clauses framed so
    # topic lexicon: topic → Counter(content word → sections of the topic holding it)
    topic_words: dict[str, Counter] = field(default_factory=dict)
    topic_sections: Counter = field(default_factory=Counter)
    place_words: set[str] = field(default_factory=set)  # ns words of headings, leads, formulas
    # words jieba does not tag as places (长治久安, 大安全): for place names that are also words
    common_words: set[str] = field(default_factory=set)
    # for `local` (drafter/mine/local.py): the CJK character pairs of the report's whole text,
    # and the text itself (normalised, lines joined), where quoted terms are looked up
    bigrams: set[str] = field(default_factory=set)
    text: str = ""
    # hashes of its longer sentences: a copy of another report under another name (a title
    # line added, a line rewrapped) shares nearly all of them
    fingerprint: frozenset[int] = frozenset()

    @property
    def spread(self) -> tuple[str, str, str]:
        return (self.province, self.level, self.file)

    def add(self, key: Key, line: int | None, example: str) -> None:
        src = (self.file, int(line or 0))
        rec = self.items.get(key)
        if rec is None:
            self.items[key] = [1, [src], (src, example)]
            return
        rec[0] += 1
        if src not in rec[1] and len(rec[1]) < MAX_SOURCES:
            rec[1].append(src)  # lines come in order: the first 20 are the smallest
        if src < rec[2][0]:
            rec[2] = (src, example)


def looks_like_report(doc: Document) -> bool:
    types = {p.type for p in doc.parts}
    sections = sum(len(p.sections) for p in doc.parts if p.type in ("review", "key_tasks"))
    return ("review" in types or "key_tasks" in types) and (sections >= 2 or len(types & {"review", "targets", "key_tasks", "self_building"}) >= 2)


def labelled_sections(doc: Document) -> list[tuple[str, str, list[Paragraph]]]:
    """(seed topic, heading, paragraphs) of every review section and key-task area whose
    heading has a seed topic, and of the self-building part (政府)."""
    out = []
    for part in doc.parts:
        if part.type in ("review", "key_tasks"):
            for sec in part.sections:
                heading = plain(sec.heading.runs) if sec.heading else ""
                topic = classify(heading)
                if topic != "其他" and sec.blocks:
                    out.append((topic, heading, sec.blocks))
        elif part.type == "self_building":
            paras = [b for b in part.blocks if isinstance(b, Paragraph)]
            paras += [p for sec in part.sections for p in sec.blocks]
            if paras:
                out.append(("政府", plain(part.heading.runs) if part.heading else "", paras))
    return out


def body_text(p: Paragraph) -> str:
    """A paragraph less its lead (a figures-only data file has no leads)."""
    lead = plain(p.lead)
    text = p.text
    return text[len(lead):] if lead and text.startswith(lead) else text


def mine_file(path: Path, name: str | None = None) -> ReportAgg:
    """Mine one report (named `name` in the bank: its path in the corpus); raises Skip with a
    Chinese message for a file that is not one."""
    name = name or path.name
    try:
        data = read_report_bytes(path)  # capped: a FIFO, /dev/zero or a sparse 3 GB file is skipped
        lines = lines_from_bytes(data, path)
        # a hard-wrapped text (one printed line per line) is joined into paragraphs first, or
        # its line ends would cut headings and leads (重要载体的新型城镇化建设)
        joined, origin = unwrap(lines)
        doc = parse_lines(joined)
    except ParseError as e:
        msg = str(e)
        if msg.startswith(name):  # the parser's messages name the file themselves
            msg = msg[len(name):].lstrip(" ：:")
        raise Skip(f"跳过 {name}：{msg}") from None
    if not looks_like_report(doc):
        raise Skip(f"跳过 {name}：看起来不是政府工作报告（找不到工作回顾或重点工作部分）")
    info = about(doc, joined, path)
    row = source_row(path)
    level = row.get("level") or info.level or info.unit
    agg = ReportAgg(
        file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        text_sha256=hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest(),
        place=info.name,  # the bank's corpus rows name the region as its text does: 望城区
        level=level,
        plan_year=info.plan_year,
        province=row.get("province", ""),
    )
    agg.region = {
        "name": info.name, "place": info.place, "full": row.get("place") or info.region,
        "province": agg.province, "parent": row.get("parent", ""), "level": level,
    }
    text = "\n".join(lines)
    agg.bigrams = cjk_bigrams(text)
    agg.text = seg.normalize(text)
    agg.fingerprint = fingerprint(text)
    if level != info.level:
        info = replace(info, level=level)
    _Miner(agg, info, origin).doc(doc)
    return agg


class _Miner:
    def __init__(self, agg: ReportAgg, info: ReportInfo, origin: list[int] | None = None):
        self.agg = agg
        self.info = info
        self.origin = origin  # parsed line i (1-based) starts on file line origin[i - 1]
        u = info.unit
        self.strip_words = {w for w in (info.name, info.place, f"全{u}", f"我{u}", f"本{u}") if w}
        self.own_places = {w for w in (info.name, info.place) if w}
        self.residue = re.compile(rf"(?:我|本|该){u}|{u}(?:政协|人大|政府|委|级|直|属|长)")
        self.aliases = info.aliases
        self.congress = ((f"{u}人大", "{本级人大}"), (f"{u}政协", "{本级政协}"))

    # -- helpers -----------------------------------------------------------------------
    def add(self, key: Key, line: int | None, example: str) -> None:
        """Add an occurrence, its line counted in the file as it is (before unwrap)."""
        if line and self.origin and 0 < line <= len(self.origin):
            line = self.origin[line - 1]
        self.agg.add(key, line, example)

    def abstract(self, text: str) -> str:
        return abstract(text, self.info.words(text))

    def foreign_place(self, toks: list[seg.Token], start: int, end: int) -> bool:
        for t in toks:
            if t.start >= start and t.end <= end and t.pos == "ns":
                if t.word in _NOT_A_PLACE or any(t.word in p for p in self.own_places):
                    continue
                return True
        return False

    def formula_frame(self, slot: str, text: str) -> str | None:
        """The formula frame of a span, or None when it is tied to its report."""
        frame = self.abstract(text)
        if slot.endswith("list_intro"):
            frame = formulas.count_slot(frame)
        pieces = []
        for piece, is_slot in literal_segments(frame):
            if is_slot:
                pieces.append("{" + piece + "}")
                continue
            literal = escape(piece)
            for word, name in self.congress:  # 市人大、市政协 (no slot in abstract())
                literal = literal.replace(word, name)
            pieces.append(literal)
        frame = "".join(pieces)
        lit = literal_text(frame)
        if len(lit) < 2 or _DIGIT.search(lit) or self.residue.search(lit):
            return None
        if "“" in lit.replace("“”", "") or any(a in lit for a in self.aliases):
            return None  # quoted slogans and a report's other names are its own
        if re.search(r"[和、]\{上级领导\}|\{上级领导\}[和、]", frame):
            return None  # 「省、市和{上级领导}」: the leadership wording was only part of a list
        if slot.endswith("list_intro") and "还" in lit:
            return None  # 「还做了七个方面工作」 follows that report's own highlights
        return frame

    def clause_of(self, raw: str, start: int, end: int) -> str:
        """The clause (between ，；。！？：) around raw[start:end]."""
        a, b = widen(raw, start, end, CLAUSE_STOPS)
        return raw[a:b]

    def sentence_of(self, raw: str, start: int) -> str:
        for s, e in sentences(raw):
            if s <= start < e:
                return raw[s:e]
        return raw

    def frame_tokens(self, frame: str) -> bool:
        """Keep the words of a heading or lead frame, slots as ("{地区}", "slot"): heading
        frames are built of them, and `local` looks at the character pairs inside them.
        False, and nothing kept, when the frame is not a whole phrase (drafter/mine/whole.py)."""
        if frame not in self.agg.heading_tokens:
            toks: list[tuple[str, str]] = []
            for piece, is_slot in literal_segments(frame):
                if is_slot:
                    toks.append(("{" + piece + "}", "slot"))
                else:
                    toks.extend((t.word, t.pos) for t in seg.tokens(piece))
            if not_whole(frame, toks):
                return False
            self.agg.heading_tokens[frame] = tuple(toks)
        return True

    def places_in(self, toks: list[seg.Token]) -> None:
        """Collect the place names jieba finds in a heading, lead or formula."""
        for t in toks:
            if t.pos == "ns" and place_candidate(t.word, seg.dictionary_tag(t.word)):
                self.agg.place_words.add(t.word)

    def topic_words(self, topic: str, paras: list[tuple[Paragraph, list[seg.Token]]]) -> None:
        """Content words of a labelled section's body (the topic lexicon; leads excluded)."""
        words: set[str] = set()
        for p, toks in paras:
            skip = len(plain(p.lead)) if p.text.startswith(plain(p.lead)) else 0
            for t in toks:
                if t.start >= skip and content_word(t.word, t.pos) and not any(t.word in o for o in self.own_places):
                    words.add(t.word)
        self.agg.topic_sections[topic] += 1
        self.agg.topic_words.setdefault(topic, Counter()).update(words)

    # -- walk --------------------------------------------------------------------------
    def doc(self, doc: Document) -> None:
        labelled = labelled_sections(doc)
        labels = {id(paras): topic for topic, _, paras in labelled}  # `labelled` keeps the lists alive
        for part in doc.parts:
            if part.type == "appendix":
                continue
            first = True
            own: list = []  # the self-building part's paragraphs, with their tokens
            for block in part.blocks:
                if isinstance(block, Section):
                    self.section(part.type, block)
                    body = [(p, self.paragraph(part.type, p, True, False, block)) for p in block.blocks]
                    if id(block.blocks) in labels:
                        self.topic_words(labels[id(block.blocks)], body)
                    own += body
                else:
                    own.append((block, self.paragraph(part.type, block, False, first, None)))
                first = False
            if part.type == "self_building" and own:
                self.topic_words("政府", own)

    def section(self, part: str, sec: Section) -> None:
        if sec.heading is None or part not in ("review", "key_tasks"):
            return
        slot = "review_section" if part == "review" else "key_task_section"
        self.heading(part, slot, plain(sec.heading.runs), sec.heading.line or sec.line)

    def heading(self, part: str, slot: str, raw: str, line: int | None) -> None:
        text = strip_marker(raw.strip()).rstrip("。；！，：")
        if len(text) < 4 or len(text) > 60:
            return
        frame = self.abstract(seg.normalize(text))
        self.places_in(seg.tokens(seg.normalize(text)))
        if not self.frame_tokens(frame):
            return
        topic = classify(text)
        if topic == "其他" and part == "self_building":
            topic = "政府"  # every item of 政府自身建设 is about the government
        key = ("heading", part, slot, frame, (("topic", topic),))
        self.add(key, line, text)

    def paragraph(self, part: str, p: Paragraph, in_section: bool, first: bool, sec: Section | None) -> list[seg.Token]:
        """Mine one paragraph; returns its tokens."""
        raw = p.text
        if not raw:
            return []
        text = seg.normalize(raw)
        toks = seg.tokens(text)
        self.agg.common_words.update(t.word for t in toks if len(t.word) >= 2 and not t.pos.startswith("ns"))
        line = p.line
        lead = plain(p.lead)
        if lead:
            self.places_in([t for t in toks if t.end <= len(lead)])
        # leads and self-building items
        if lead and part in ("key_tasks", "self_building"):
            short = strip_marker(lead).rstrip("。；！，：")
            if part == "self_building":
                self.heading(part, "self_building_item", lead, line)
            if 5 <= len(short) <= 12 and short.count("“") == short.count("”") and not short.startswith("“"):
                a = self.abstract(seg.normalize(short))
                topic = classify(short)
                if topic == "其他" and sec is not None and sec.heading is not None:
                    topic = classify(plain(sec.heading.runs))
                if topic == "其他" and part == "self_building":
                    topic = "政府"
                slot = "key_task_lead" if part == "key_tasks" else "self_building_lead"
                if self.frame_tokens(a):
                    self.add(("lead", part, slot, a, (("topic", topic),)), line, short)
        # formulas
        for slot, s, e in formulas.find(part, text, in_section, first, bool(lead)):
            self.places_in([t for t in toks if t.start >= s and t.end <= e])
            frame = self.formula_frame(slot, text[s:e])
            if frame is None or self.foreign_place(toks, s, e):
                continue
            self.add(("formula", slot.split(".")[0], slot, frame, ()), line, self.sentence_of(raw, s))
        # number frames
        for nc in number_frames.number_clauses(text, toks, part, self.strip_words):
            self.agg.number_clauses += 1
            if nc.frame is None:
                continue
            self.agg.number_frames[nc.frame] = self.agg.number_frames.get(nc.frame, 0) + 1
            example = self.sentence_of(raw, nc.start)
            if len(example) > MAX_EXAMPLE:
                example = raw[nc.start:nc.end]
            extra = (
                ("indicator", nc.indicator),
                ("qualifier", nc.qualifier),
                ("topic", classify(nc.indicator)),
                ("unit", nc.unit),
            )
            self.add(("number", part, nc.shape, nc.frame, extra), line, example)
        # expressions
        for s, e in expressions.four_char(text, toks):
            if self.foreign_place(toks, s, e):
                continue
            self.add(("expression", part, "four_char", self.abstract(text[s:e]), ()), line, self.clause_of(raw, s, e))
        for s, e, verb in expressions.verb_objects(toks):
            phrase = self.abstract(text[s:e])
            if _DIGIT.search(phrase):
                continue
            self.add(("expression", part, "verb_object", phrase, (("verb", verb),)), line, self.clause_of(raw, s, e))
        return toks
