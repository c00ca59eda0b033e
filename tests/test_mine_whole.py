"""Mined headings and leads are whole phrases (issue 10): a hard-wrapped report is joined
into paragraphs before it is parsed, and fragments and claims are not mined."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.mine import seg
from drafter.mine.report import mine_file
from drafter.mine.text import literal_segments
from drafter.parse.unwrap import hard_wrapped, unwrap
from drafter.mine.whole import not_whole
from drafter.parse import lines_from_bytes, read_report_bytes

CORPUS = Path(__file__).resolve().parent.parent / "style_corpus"
BANK = CORPUS / "phrases"
WRAPPED = CORPUS / "more" / "2024_承德.txt"  # copied out of a PDF, one printed line per line


def words(frame: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for piece, is_slot in literal_segments(frame):
        if is_slot:
            out.append(("{" + piece + "}", "slot"))
        else:
            out.extend((t.word, t.pos) for t in seg.tokens(seg.normalize(piece)))
    return out


def lines_of(path: Path) -> list[str]:
    return lines_from_bytes(read_report_bytes(path), path)


@pytest.mark.parametrize("text, why", [
    ("实体经济是发展的本钱", "claim"),
    ("就业乃民生之本", "claim"),
    ("绿水青山就是金山银山", "claim"),
    ("城市治理要更温暖", "claim"),
    ("城市因为美而提升价值", "claim"),
    ("{地区}是我国经济发展的重镇", "claim"),
    ("的美好家园", "open start"),
    ("和反腐败斗争", "open start"),
    ("加快推动以县城为", "open end"),
    ("打造“一区一地", "unbalanced"),
    ("健全社会保障体系）", "unbalanced"),
])
def test_fragments_and_claims_are_not_whole(text, why):
    assert not_whole(text, words(text)) == why


@pytest.mark.parametrize("text", [
    "推进以县城为重要载体的新型城镇化建设",
    "以实为要，提高行政效能",  # 要 a noun: the essential
    "主动担当使命责任，大事要事顺利推进",
    "要实施城市更新",  # 要 first names a task
    "打造开放新高地",  # jieba cuts 新高/地
    "着力推改革、扩开放，服务打造国内国际双循环市场经营便利地",
    "积极稳妥推进碳达峰碳中和",  # jieba cuts 碳中/和
    "过去一年，我们铭记“为民造福是最大政绩”，用心用情抓好民生社会事业",  # 是 quoted
    "促进生活性服务业提档",  # as 聊城 wrote it, beside 推动生产性服务业扩容
    "建设和美乡村",
])
def test_whole_phrases_pass(text):
    assert not_whole(text, words(text)) is None


def test_only_the_hard_wrapped_report_is_joined():
    assert hard_wrapped(lines_of(WRAPPED))
    for name in ("2024_咸阳市.txt", "2022_宜春市.txt", "more/2024_聊城.txt", "more/2024_鄂州.txt"):
        lines = lines_of(CORPUS / name)
        assert not hard_wrapped(lines), name
        assert unwrap(lines) == (lines, list(range(1, len(lines) + 1)))


def test_unwrap_joins_printed_lines_and_keeps_file_lines():
    lines = lines_of(WRAPPED)
    joined, origin = unwrap(lines)
    assert len(joined) == len(origin) < len(lines) / 5
    assert "一、2023年工作回顾" in joined  # a part title is not run into the next line
    assert not any(x.startswith("— ") for x in joined)  # page footers dropped
    i = next(i for i, x in enumerate(joined) if x.startswith("（二）大力发展新质生产力"))
    assert joined[i].startswith("（二）大力发展新质生产力，以科技创新赋能现代化产业体系建设。坚持发挥优势")
    assert lines[origin[i] - 1].startswith("（二）大力发展新质生产力")
    assert "加快推动以县城为重要载体的新型城镇化建设。" in "".join(joined)


def test_wrapped_report_mines_whole_headings_and_no_cut_leads():
    agg = mine_file(WRAPPED, "more/2024_承德.txt")
    kept = {key[3]: rec for key, rec in agg.items.items() if key[0] in ("heading", "lead")}
    assert "大力发展新质生产力，以科技创新赋能现代化产业体系建设" in kept
    assert "坚持不懈抓好“三农”工作，有力有效推进乡村全面振兴" in kept
    for cut in ("大力发展新质生产力，以科技创新赋能现代化产业体", "重要载体的新型城镇化建设", "的美好家园", "色低碳转型"):
        assert cut not in kept
    lines = lines_of(WRAPPED)
    for text, rec in kept.items():
        (_, line), example = rec[2]
        assert lines[line - 1].startswith(("（", example[:4])), (text, line)  # the heading's own line


def test_shipped_headings_and_leads_are_whole_phrases():
    bad = []
    for kind in ("heading", "lead"):
        for e in json.loads((BANK / f"{kind}.json").read_text(encoding="utf-8"))["entries"]:
            why = not_whole(e["text"], words(e["text"]))
            if why:
                bad.append((e["text"], why))
    assert not bad
    leads = {e["text"] for e in json.loads((BANK / "lead.json").read_text(encoding="utf-8"))["entries"]}
    assert not leads & {"重要载体的新型城镇化建设", "实体经济是发展的本钱", "的美好家园"}
