"""A department named by its signature in full (繁昌区住房和城乡建设局) takes the name the office
uses (区住建局), as 区人社局 of the forms does: one name per department in the sheets, the
summary and the division (H92, 芜湖市繁昌区; issue 11)."""

from __future__ import annotations

from pathlib import Path

import yaml

from drafter.api import gather
from drafter.model.depts import department

# the office's meta as `init --from style_corpus/2022_芜湖市繁昌区.txt` writes it
OFFICE = "meta:\n  region: 芜湖市繁昌区\n  level: 区\n  year: 2024\n  short_name: 繁\n"

# 住建局's summary as the district sent it (GB18030), signed at the end
ZHUJIAN = """\
2023年工作总结及2024年工作计划

一、2023年工作总结

(一)城市功能完善
1. 投入89.3亿元实施人民城市建设项目278个;新建雨污水管网13.6公里,城南污水处理厂三期工程主体竣工.

三、2024年工作计划
1. 实施海绵城市项目25个,改造老旧小区21个、棚户区118户.

                                   繁昌区住房和城乡建设局
                                     2023年12月5日
"""


def test_a_full_organ_name_takes_the_offices_short_form():
    at = ("区", "芜湖市繁昌区")
    assert department("繁昌区住房和城乡建设局", *at) == "区住建局"
    assert department("芜湖市繁昌区农业农村局", *at) == "区农业农村局"
    assert department("繁昌区卫生健康委员会", *at) == "区卫健局"  # a 局 below a prefecture
    assert department("区人社局", *at) == "区人社局"
    # the parent city's bureau is another office; a fragment of the name is no region
    assert department("芜湖市住房和城乡建设局", *at) == "芜湖市住房和城乡建设局"
    assert department("昌区统计局", *at) == "昌区统计局"
    assert department("高平市发展和改革局", "县级市", "山西省高平市") == "市发改局"


def test_gather_names_a_signed_material_as_the_office_does(tmp_path: Path):
    data, materials = tmp_path / "data", tmp_path / "materials"
    data.mkdir()
    materials.mkdir()
    (data / "芜湖市繁昌区2024.yaml").write_text(OFFICE, encoding="utf-8")
    (materials / "年度工作总结.txt").write_bytes(ZHUJIAN.replace("\n", "\r\n").encode("gb18030"))
    result = gather([materials], data)
    (fragment,) = data.glob("30_gather_*.yaml")
    text = fragment.read_text(encoding="utf-8")
    assert "区住建局" in text and "繁昌区住房和城乡建设局" not in text
    leads = [d for a in yaml.safe_load(text)["key_tasks"]["areas"] for it in a["items"] for d in it.get("lead_depts", [])]
    assert leads == ["区住建局"]
    assert [r.dept for r in result.summary.rows] == ["区住建局"]
