"""总体要求和预期目标."""

from __future__ import annotations

from typing import Any, ClassVar, Literal, get_args

from pydantic import model_validator

from .base import Model, Number, Text, field, list_field
from .figures import Rank, Status, ranks_of, settle_rank_basis

Qualifier = Literal[
    "", "左右", "以上", "以内", "控制在以内", "与经济增长同步", "与经济增长基本同步", "高于经济增长", "完成上级下达任务",
    "高于平均水平", "不高于上年", "不低于上年",
]
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
# Targets stated against another figure, with no number of their own: judged only against
# that figure's actual (`benchmark` of a check, or the GDP growth for 同步).
RELATIVE: tuple[str, ...] = ("高于平均水平", "不高于上年", "不低于上年")
GDP_RELATIVE: tuple[str, ...] = ("与经济增长同步", "与经济增长基本同步", "高于经济增长")
# A task the level above set (「完成省下达的目标任务」): judged by `done`, never by a number.
ASSIGNED = "完成上级下达任务"
# Qualifiers under which a target states no number of its own: its value, unit and verb are
# never written, and last year's check asks for no actual figure of it.
NO_NUMBER: tuple[str, ...] = GDP_RELATIVE + (ASSIGNED,)


def default_unit(kind: str) -> str:
    """The unit a target of `kind` is written with when the data gives none."""
    return "%" if kind in ("growth", "control") else ""


# How a target with no number is written (生态环境质量持续改善): said by validate wherever a
# target has the wrong shape, since offices first try a plain line there (H121).
TEXT_TARGET_HINT = "没有数字的目标直接写文字，如 - 生态环境质量持续改善（照原文写入初稿）"
# Fields a target written as text never drafts: refused rather than silently dropped.
_NUMBER_FIELDS = ("value", "value2", "unit", "qualifier", "scope", "verb")


class Target(Model):
    SHAPE_HINT: ClassVar[str] = TEXT_TARGET_HINT

    name: Text = field(
        title="指标", description="如：生产总值、城乡居民人均可支配收入、居民消费价格指数涨幅；没有数字的目标写整句，如 生态环境质量持续改善"
    )
    kind: Literal["growth", "level", "control", "text"] = field(
        "growth", title="类型",
        description="growth 增长率（增长6%）/ level 总量（4.5万人以上）/ control 控制（控制在3%以内）"
        " / text 没有数字的目标，name 照原文写（生态环境质量持续改善）；也可直接写 - 生态环境质量持续改善",
    )
    value: Number | None = field(None, title="目标值", description="只写数字，如 6")
    value2: Number | None = field(None, title="第二个目标值", description="“分别增长6.5%、8%”的第二个数")
    unit: Text | None = field(None, title="单位", description="增长率和控制指标默认 %")
    qualifier: Qualifier = field(
        "",
        title="限定",
        description="留空 / 左右 / 以上 / 以内 / 控制在以内 / 与经济增长同步 / 与经济增长基本同步 / 高于经济增长 / 完成上级下达任务"
        " / 高于平均水平（填 scope）/ 不高于上年 / 不低于上年",
    )
    scope: Text | None = field(
        None, title="比较范围", description="“高于平均水平”的范围，如 全市、全省 → 高于全市平均水平"
    )
    verb: Text | None = field(None, title="动词", description="总量指标数值前的动词，如 达到；默认不加")
    note: Text | None = field(None, title="补充说明", description="接在本项之后，如：在实际工作中争取更好结果")
    end: Literal["，", "、", "；", "。"] | None = field(None, title="之后的标点", description="与下一项之间的标点，默认“，”")
    status: Status | None = field(None, title="数据状态", description="预计 / 快报 / 核实")
    dept: Text | None = field(None, title="提出部门", description="如：市发改委")

    @model_validator(mode="before")
    @classmethod
    def _text_target(cls, v: Any) -> Any:
        """- 生态环境质量持续改善: a target with no number, written as a plain line (the
        reports' 「进出口稳中提质」「粮食产量保持基本稳定」), is one of kind text."""
        if isinstance(v, str):
            return {"name": v, "kind": "text"}
        return v

    @property
    def as_text(self) -> bool:
        """A target with no number (kind text): its name is drafted as written."""
        return self.kind == "text"

    @property
    def effective_unit(self) -> str:
        """The unit the number is written with: the data's, else % for growth and control."""
        return self.unit if self.unit is not None else default_unit(self.kind)

    @property
    def relative_to_growth(self) -> bool:
        """与经济增长同步 / 与经济增长基本同步 / 高于经济增长: judged against the GDP growth."""
        return self.qualifier in GDP_RELATIVE

    @property
    def relative_to_benchmark(self) -> bool:
        """高于平均水平 / 不高于上年 / 不低于上年: judged against another figure's actual."""
        return self.qualifier in RELATIVE

    @property
    def assigned_by_superior(self) -> bool:
        """完成上级下达任务: a task set by the level above, met or not (`done`)."""
        return self.qualifier == ASSIGNED

    @property
    def states_number(self) -> bool:
        """Does the target carry a number of its own? Not for 同步 or 上级下达 targets."""
        return self.qualifier not in NO_NUMBER and not self.as_text

    @property
    def controlled(self) -> bool:
        """A ceiling: 控制在3%以内 (kind control, or a growth/level written 控制在以内)."""
        return self.kind == "control" or self.qualifier == "控制在以内"

    @model_validator(mode="after")
    def _text_has_no_number(self) -> Target:
        if self.as_text:
            given = [k for k in _NUMBER_FIELDS if k in self.model_fields_set and getattr(self, k) not in (None, "")]
            if given:
                raise ValueError(
                    f"没有数字的目标（kind: text）照 name 原文写入初稿，{'、'.join(given)} 不会写入；"
                    "请删除，或把类型改为 growth / level / control 并写目标值"
                )
        return self

    @model_validator(mode="after")
    def _scope_for_average(self) -> Target:
        if self.qualifier == "高于平均水平" and not self.scope:
            raise ValueError("“高于平均水平”的目标请填写比较范围 scope，如 全市")
        if self.scope and self.qualifier != "高于平均水平":
            raise ValueError("比较范围 scope 只用于“高于平均水平”的目标，其他目标不会写入初稿")
        return self


class Targets(Model):
    context: Text | None = field(
        None,
        title="年度定位",
        description="如：今年是新中国成立75周年，是实现“十四五”规划目标任务的关键一年。不填按规划期推算；写 \"\" 则不要",
    )
    requirements: Text | None = field(
        None, title="总体要求", description="“做好今年政府工作……”的总体要求全文"
    )
    intro: Text | None = field(
        None, title="目标导语", description="如：全区经济社会发展的主要预期目标是：；不填用惯用表述"
    )
    indicators: list[Target] = list_field("主要预期目标")
    rider: Text | None = field(None, title="附加表述", description="如：在实际工作中争取更好结果")
    remarks: list[Text] = list_field("目标后的说明", "如“各位代表，落实总体要求，实现预期目标，需要……”")


class TargetCheck(Target):
    """One of last year's targets with what was achieved: the review states 完成 / 超额完成 /
    基本完成 / 未完成 from these figures, never from wishes."""

    actual: Number | None = field(
        None, title="实际完成值", description="与目标同口径的实际数，如增长4.3写 4.3；留空则初稿中待补充"
    )
    actual2: Number | None = field(
        None,
        title="第二个实际值",
        description="“分别增长”目标的第二个实际数；只有一个目标值时，两个实际数分别与它比较"
        "（城镇、农村居民人均可支配收入分别增长4.5%、6%，目标7%）",
    )
    actual_qualifier: Literal["", "左右", "以上", "以内", "以下"] = field(
        "", title="实际值限定词",
        description="实际数只知道下限或上限时填写，如 增长6%以上 写 以上、降至35%以下 写 以下；据实判断，判断不了的写待核实",
    )
    actual_approx: Literal["", "约", "超", "近", "余", "多"] = field(
        "", title="实际值约数词",
        description="报告把实际数写成约数时填写，如 增长近7% 写 近、超49亿美元 写 超（余 / 多写在数值后）；"
        "据实判断：近7%未达到7%的目标，超7%达到",
    )
    benchmark: Number | None = field(
        None,
        title="比较基准实际值",
        description="“高于平均水平”填平均水平的实际数（如全市平均增长7.6写 7.6），“不高于上年”填上年数；留空则待核实",
    )
    done: bool | None = field(
        None, title="是否完成",
        description="只用于没有数值的目标：“完成上级下达任务”，以及没有实际数的“与经济增长同步”类目标：true / false",
    )
    rank: Rank | list[Rank] | None = field(
        None, title="排名", description="实际数的排名，写法同指标的排名：城镇新增就业6.1万人、居全区第1位；两个排名写成列表"
    )
    actual_status: Status | None = field(None, title="实际数状态", description="预计 / 快报 / 核实")
    actual_dept: Text | None = field(None, title="实际数提供部门", description="如：市统计局")

    @property
    def ranks(self) -> list[Rank]:
        return ranks_of(self.rank)

    @property
    def done_by_word(self) -> bool:
        """A 同步 target the office judged itself (done, no actual): 「完成与经济增长同步的目标」."""
        return self.relative_to_growth and self.actual is None and self.done is not None

    @model_validator(mode="after")
    def _rank_basis(self) -> TargetCheck:
        """An unwritten basis ranks what the check states, as a figure's does: the growth of a
        growth target (增长6.5%、增速居全省第一), else the actual (6.1万人、居全区第1位)."""
        settle_rank_basis(self.ranks, growth=self.kind == "growth")
        return self

    @model_validator(mode="after")
    def _nothing_silently_lost(self) -> TargetCheck:
        if self.as_text:  # no number to judge 完成 by, and the review states none for it
            raise ValueError("上年没有数字的目标无法按数值核对，初稿不会写它；请在回顾中用文字写明完成情况，并从 checks 中删去这一项")
        if self.rank is not None and self.assigned_by_superior:
            raise ValueError("排名 rank 只用于有实际数的目标；“完成上级下达任务”的目标没有实际数可排名，请删除")
        if self.done is not None and not self.assigned_by_superior:
            if not self.relative_to_growth:
                raise ValueError("是否完成 done 只用于没有数值的目标（完成上级下达任务、与经济增长同步）；"
                                 "有数值的目标由实际完成值 actual 判断，请填 actual 并删除 done")
            if self.actual is not None:
                raise ValueError(f"已填实际完成值 actual，是否“{self.qualifier}”由它与生产总值增速比较判断；请删除 done")
        if self.assigned_by_superior and (self.actual is not None or self.actual2 is not None):
            raise ValueError("“完成上级下达任务”的目标用 done（true / false）填写是否完成；actual、actual2 不会写入初稿，请删除")
        if self.actual_approx and self.actual_qualifier:
            raise ValueError(f"约数词“{self.actual_approx}”和限定词“{self.actual_qualifier}”都限定实际数；"
                             "只留一个：接近或超过写 actual_approx，只知上下限写 actual_qualifier")
        if self.actual_approx and self.actual is None:
            raise ValueError(f"填了实际值约数词 actual_approx（{self.actual_approx}），却没有实际完成值 actual")
        if self.actual_approx in ("余", "多") and self.effective_unit == "%":
            raise ValueError(f"“{self.actual_approx}”不用于百分数（不写“7{self.actual_approx}%”）；"
                             "接近写 actual_approx: 近，超过写 actual_approx: 超")
        if self.actual2 is not None and self.actual is None:
            raise ValueError("填了第二个实际值 actual2，却没有第一个实际值 actual")
        if self.benchmark is not None and not self.relative_to_benchmark:
            raise ValueError("比较基准 benchmark 只用于“高于平均水平”“不高于上年”“不低于上年”的目标，其他目标不会写入初稿")
        return self
