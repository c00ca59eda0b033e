"""Unnumbered part headings above 一、 areas (金台区, 益阳) are a style of their own, centred:
set as 一级标题 like the areas, 「加强政府自身建设」 read as one more area. Reports whose parts
are numbered (一、2023年工作回顾 with （一） areas) keep 一级标题 and the outline they had."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from drafter.api import draft
from drafter.stages import compose_report, load_with_positions
from drafter.style import default_profile, load_profile
from drafter.writers import body_xml, docx_writer
from drafter.writers.style_ids import STYLE_IDS, STYLE_NAMES
from tests.conftest import EXAMPLES, FIXTURES

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
FONTS = Path(__file__).resolve().parent / "fonts" / "fonts.conf"
JINTAI_TWIN = EXAMPLES / "jintai_2023_figures"
YIYANG = FIXTURES / "figures_only" / "yiyang_2025_figures.yaml"


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def _member(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def _headings(path: Path) -> dict[str, tuple[str, str | None]]:
    """Text of each non-body paragraph → (its style id, its own outline level or None)."""
    out = {}
    for p in _member(path, "word/document.xml").iter(w("p")):
        ppr = p.find(w("pPr"))
        style = ppr.find(w("pStyle")).get(w("val"))
        if style == STYLE_IDS["body"]:
            continue
        lvl = ppr.find(w("outlineLvl"))
        out["".join(t.text for t in p.iter(w("t")))] = (style, None if lvl is None else lvl.get(w("val")))
    return out


def _style(path: Path, key: str) -> etree._Element:
    (el,) = _member(path, "word/styles.xml").xpath("w:style[@w:styleId=$id]", namespaces=NS, id=STYLE_IDS[key])
    return el


@pytest.fixture(scope="module")
def jintai_twin(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("jintai") / "初稿.docx"
    draft(JINTAI_TWIN, out)
    return out


def test_jintai_twins_parts_are_part_headings_and_its_areas_sit_under_them(jintai_twin):
    heads = _headings(jintai_twin)
    part = STYLE_IDS["part_heading"]
    assert heads["2023年工作安排"] == heads["加强政府自身建设"] == heads["2022年工作回顾"] == (part, None)
    areas = {t: v for t, v in heads.items() if t[:2] in {f"{n}、" for n in "一二三四五六七"}}
    assert len(areas) == 7
    # 一、 keeps 一级标题 (黑体) but is one level down in the navigation pane, under its part
    assert set(areas.values()) == {(STYLE_IDS["heading1"], "1")}


def test_part_heading_style_is_centred_heiti_without_indent_at_outline_level_0(jintai_twin):
    st = _style(jintai_twin, "part_heading")
    assert st.find(w("name")).get(w("val")) == STYLE_NAMES["part_heading"] == "部分标题"
    ppr, rpr = st.find(w("pPr")), st.find(w("rPr"))
    assert ppr.find(w("jc")).get(w("val")) == "center"
    ind = ppr.find(w("ind"))
    assert (ind.get(w("firstLineChars")), ind.get(w("firstLine"))) == ("0", "0")
    assert ppr.find(w("outlineLvl")).get(w("val")) == "0"
    assert ppr.find(w("keepNext")) is not None
    assert rpr.find(w("rFonts")).get(w("eastAsia")) == "黑体"
    assert rpr.find(w("sz")).get(w("val")) == "32"  # 三号
    # the 一、 style is GB/T 9704's as before: justified, indented two characters
    h1 = _style(jintai_twin, "heading1").find(w("pPr"))
    assert h1.find(w("jc")).get(w("val")) == "both"
    assert h1.find(w("ind")).get(w("firstLineChars")) == "200"


def test_yiyangs_unnumbered_parts_are_part_headings(tmp_path):
    out = tmp_path / "益阳.docx"
    draft(YIYANG, out)
    heads = _headings(out)
    parts = [t for t, (s, _) in heads.items() if s == STYLE_IDS["part_heading"]]
    assert any(t.startswith("全力实现2025年") for t in parts), parts
    assert len(parts) == 3
    assert sum(1 for s, lvl in heads.values() if (s, lvl) == (STYLE_IDS["heading1"], "1")) == 8


@pytest.mark.parametrize("name", ["xianyang_2024.yaml", "gaoping_2024.yaml"])
def test_numbered_parts_keep_heading1_and_their_outline(tmp_path, name):
    out = tmp_path / "初稿.docx"
    draft(EXAMPLES / name, out)
    heads = _headings(out)
    assert heads[next(t for t in heads if t.startswith("一、"))] == (STYLE_IDS["heading1"], None)
    assert "一、2023年工作回顾" in heads
    assert all(s != STYLE_IDS["part_heading"] and lvl is None for s, lvl in heads.values())


def test_an_office_changes_the_part_heading_with_its_style_file(tmp_path):
    style = tmp_path / "本地版式.yaml"
    style.write_text("part_heading:\n  align: left\n  first_line_chars: 2\n", encoding="utf-8")
    profile = load_profile(style)
    assert profile.part_heading.font == "黑体" and profile.heading1 == default_profile().heading1
    out = tmp_path / "初稿.docx"
    draft(JINTAI_TWIN, out, style=style)
    ppr = _style(out, "part_heading").find(w("pPr"))
    assert ppr.find(w("jc")).get(w("val")) == "left"
    assert ppr.find(w("ind")).get(w("firstLineChars")) == "200"


@pytest.mark.parametrize("data", [JINTAI_TWIN, YIYANG])
def test_fast_body_text_is_the_element_writers_with_part_headings(data):
    report, _ = load_with_positions(data)
    doc = compose_report(report)
    lay = docx_writer._Layout(default_profile(), doc.properties.language)
    body = etree.Element(w("body"), nsmap={"w": W_NS})
    docx_writer._BodyWriter(lay).write(doc, body)
    by_elements = etree.tostring(body, encoding="UTF-8")
    as_text = f'<w:body xmlns:w="{W_NS}">'.encode() + body_xml.BodyText(lay).text(doc).encode() + b"</w:body>"
    assert as_text == by_elements
    assert b"ReportPartHeading" in as_text and b'<w:outlineLvl w:val="1"/>' in as_text


_NEEDS = [t for t in ("soffice", "pdftotext") if shutil.which(t) is None]


@pytest.mark.skipif(bool(_NEEDS), reason=f"未安装 {'、'.join(_NEEDS)}：跳过渲染检查")
def test_rendered_part_headings_stand_centred_and_areas_indented(jintai_twin, tmp_path):
    docx = tmp_path / jintai_twin.name
    shutil.copy(jintai_twin, docx)
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS), HOME=str(tmp_path))
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, env=env, timeout=180)
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(docx.with_suffix(".pdf")), "-"],
                         check=True, capture_output=True).stdout
    lines = {}
    for line in etree.fromstring(xml, etree.XMLParser(recover=True)).iter("{*}line"):
        text = "".join(wd.text or "" for wd in line.iter("{*}word"))
        lines.setdefault(text, (float(line.get("xMin")), float(line.get("xMax"))))
    pt = 72 / 25.4
    left, right = 28 * pt, (210 - 26) * pt  # the text block of GB/T 9704
    for text in ("2023年工作安排", "加强政府自身建设"):
        x0, x1 = lines[text]
        assert abs((x0 + x1) / 2 - (left + right) / 2) < 8, (text, x0, x1)  # centred, within half a character
    x0, _ = next(v for t, v in lines.items() if t.startswith("一、扩大有效投资"))
    assert 2 * 16 - 4 < x0 - left < 2 * 16 + 4  # 一、 indented two characters, as before
