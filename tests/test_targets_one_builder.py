"""The targets list is built once (compose/figures.targets_runs) for the draft and the division:
text targets first, last and side by side, a 完成上级下达任务 run between them, say the same in both."""

from __future__ import annotations

from pathlib import Path

from drafter.api import draft
from drafter.office.division import _target_clauses
from drafter.readers import load_report

DATA = """\
meta: {region: 黄冈市, level: 市, year: 2024, province: 湖北省}
targets:
  indicators:
    - 进出口总额稳中提质
    - {name: 地区生产总值, value: 7, qualifier: 左右}
    - {name: 固定资产投资, value: 10, end: ；}
    - 粮食产量保持基本稳定
    - {name: 生态环境质量持续改善, kind: text, note: 空气优良天数比例达到80%, end: 、}
    - {name: 城镇调查失业率, kind: control, value: 5.5}
    - {name: 单位GDP能耗, qualifier: 完成上级下达任务}
    - {name: 碳排放, qualifier: 完成上级下达任务}
    - 守住安全底线
"""

LIST = ("进出口总额稳中提质，地区生产总值增长7%左右，固定资产投资增长10%；粮食产量保持基本稳定，"
        "生态环境质量持续改善，空气优良天数比例达到80%、城镇调查失业率控制在5.5%以内，"
        "单位GDP能耗、碳排放完成省下达的目标任务，守住安全底线")


def test_draft_and_division_list_the_targets_alike(tmp_path: Path):
    data = tmp_path / "d.yaml"
    data.write_text(DATA, encoding="utf-8")
    out = tmp_path / "d.txt"
    draft(data, out, force=True)
    paragraph = next(x for x in out.read_text(encoding="utf-8").splitlines() if "主要预期目标" in x)
    assert paragraph.endswith(LIST + "。")
    assert "".join(r.text for r in _target_clauses(load_report(data))) == LIST
