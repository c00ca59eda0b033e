"""工作回顾: what the government did last year."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, GetCoreSchemaHandler, Tag
from pydantic_core import core_schema

from .base import Model, Text, field, list_field
from .figures import Figure, _fact_kind
from .targets import TargetCheck

# The standard topics of drafter.phrases.topics.TOPICS (a test keeps the two equal; the model
# does not import the phrase code). Sections and areas of one topic from several files of a
# data folder merge into one (drafter.readers.yaml_data._merge).
Topic = Literal["经济", "产业", "创新", "改革", "开放", "项目", "城乡", "乡村", "民生", "生态", "安全", "文旅", "政府"]


class Said(Model):
    """How an office writes a text fact with its department: {text: ……, dept: 市卫健委}."""

    text: Text = field(title="文字", description="如：新增医疗集团2个；与直接写成一段文字时一样写入初稿")
    dept: Text = field(title="提供部门", description="这段文字中数字的提供部门，如：市卫健委；用于数据核对表")


class SaidText(str):
    """A text fact that names the department of its numbers. It is a str everywhere, so it is
    drafted exactly as the plain string; only the confirm sheet and `check` read its `dept`.
    A section merged from several departments' fragments has no one `dept` of its own
    (readers/yaml_data._merge), so each gathered text carries its own."""

    dept: str

    def __new__(cls, text: str, dept: str) -> SaidText:
        obj = super().__new__(cls, text)
        obj.dept = dept
        return obj

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        def as_written(v: Any) -> Any:  # {text: …, dept: …}, as the data writes it
            return {"text": str(v), "dept": v.dept} if isinstance(v, SaidText) else v

        said = core_schema.no_info_after_validator_function(
            lambda s: cls(s.text, s.dept), handler.generate_schema(Said)
        )
        return core_schema.no_info_before_validator_function(
            as_written, said, serialization=core_schema.plain_serializer_function_ser_schema(as_written)
        )


def _kind(v: object) -> str:
    # {text, dept} both given: a text with its department; {text: …} alone stays the mistake
    # readers/validate explains (a text fact is a bare string)
    if isinstance(v, SaidText) or (isinstance(v, dict) and "text" in v and "dept" in v and "name" not in v):
        return "said"
    return _fact_kind(v)


# A fact in a review section or a key-task item: free text, a text with its department, or a
# structured figure.
Fact = Annotated[
    Annotated[Text, Tag("text")] | Annotated[SaidText, Tag("said")] | Annotated[Figure, Tag("figure")],
    Discriminator(_kind),
]


class Highlight(Model):
    title: Text | None = field(None, title="亮点标题", description="如：西安—咸阳一体化取得重大成果")
    text: Text | None = field(None, title="亮点展开", description="标题后的一两句展开")
    facts: list[Fact] = list_field("亮点中的数据", "接在展开文字后的事实，可含结构化指标")


class ReviewSection(Model):
    title: Text | None = field(
        None, title="方面标题", description="如：综合施策稳增长，经济运行回升向好；留空则留待补充"
    )
    facts: list[Fact] = list_field(
        "工作和成效", "每项是一句文字（要注明其中数字的提供部门时写 {text: ……, dept: 市卫健委}），或带数字的结构化指标"
        "（name/value/unit/growth…）；不以句号结尾的文字与下一项用逗号相连"
    )
    dept: Text | None = field(
        None, title="提供部门", description="本方面文字中数字的提供部门，用于数据核对表；某项文字写了自己的 dept 时以那项为准"
    )
    topic: Topic | None = field(
        None, title="主题", description="如：民生；数据文件夹中同一主题的方面合为一个（drafter gather 汇总的事实并入办公室的方面）"
    )


class Thanks(Model):
    preface: Text | None = field(
        None, title="致谢前的感言", description="如：回望过去一年，形势复杂多变、发展难中求进、成绩来之不易。"
    )
    attribution: Text | None = field(
        None,
        title="成绩归因",
        description="“这些成绩的取得，是……的结果。”不填按层级生成；写空字符串 \"\" 则不要这句",
    )
    to: list[Text] | None = field(
        None, title="致谢对象", description="每项一组对象，如“各位人大代表、政协委员”；不填按层级使用惯用表述"
    )
    wording: Literal["感谢", "感谢和敬意", "敬意和感谢"] | None = field(
        None,
        title="致谢用语",
        description="感谢：表示衷心的感谢；感谢和敬意；敬意和感谢：致以崇高的敬意和衷心的感谢；不填取自语料",
    )


class Review(Model):
    intro: Text | None = field(
        None, title="年度总述", description="回顾开头的概括，如“一年来，我们……迈出坚实步伐。”，不含主要指标"
    )
    headline: list[Figure] = list_field("主要指标", "总述后的主要经济指标，如生产总值、一般公共预算收入")
    checks: list[TargetCheck] = list_field(
        "上年目标完成情况", "上一年报告的预期目标及实际完成值；初稿据此写明完成、超额完成或未完成"
    )
    checks_intro: Text | None = field(
        None, title="完成情况导语", description="如：从年初确定的主要预期目标看，；不填用惯用表述"
    )
    highlights: list[Highlight] = list_field("年度亮点", "“这一年，……”段落")
    list_intro: Text | None = field(
        None, title="分方面导语", description="如：主要做了6个方面工作：；不填按方面个数生成；写 \"\" 则不要"
    )
    sections: list[ReviewSection] = list_field("分方面工作", "主要做了几个方面的工作")
    other_work: list[Text] = list_field("其他工作", "如：民族、宗教、外事、侨务；写作“……等工作取得新成效”")
    other_work_ending: Text | None = field(
        None, title="其他工作的结语", description="接在“……等”之后，如：各项工作都取得了新突破；不填用惯用表述"
    )
    self_building_intro: Text | None = field(
        None,
        title="自身建设导语",
        description="如：一年来，我们从严从实抓好政府自身建设，；不填用惯用表述；写 \"\" 则不要",
    )
    self_building: list[Fact] = list_field("政府自身建设成效", "如：办理人大代表建议293件")
    thanks: Thanks = field(default_factory=Thanks, title="致谢")
    problems_intro: Text | None = field(
        None, title="问题导语", description="如：我们也清醒认识到，……主要表现在：；不填用惯用表述"
    )
    problems: list[Text] = list_field(
        "困难和问题", "每项一句，如：经济回升向好的基础尚不稳固；项末写“；”则以分号相隔，默认逗号"
    )
    problems_response: Text | None = field(
        None, title="应对表态", description="问题之后的表态，如“对此，我们一定……加以解决。”"
    )
