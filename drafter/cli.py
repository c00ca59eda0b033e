"""The `drafter` command: a thin typer shell over drafter.api.

User mistakes end in a Chinese message and exit code 2, never a traceback.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import typer

try:  # typer ≥ 0.2x ships its own copy of click
    from typer._click import exceptions as click_exc
except ImportError:  # pragma: no cover - older typer on plain click
    from click import exceptions as click_exc  # type: ignore[no-redef]  # the same module, from plain click

from .atomic import atomic_write_text, refuse_input_as_output
from .errors import DrafterError, display_path

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="drafter：根据地区数据文件生成政府工作报告初稿（Word，GB/T 9704-2012 版式）。",
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


# Each command imports drafter.api when it runs: `drafter -h` and usage errors need neither
# pydantic nor the models. The library prints nothing; every line the user sees is printed here.


def _err(line: str) -> None:
    print(line, file=sys.stderr)


def _print_first(lines: list[str], shown: int = 5) -> None:
    """A list on the terminal: its first `shown` lines indented, then how many more there are."""
    for line in lines[:shown]:
        print(f"  {line}")
    if len(lines) > shown:
        print(f"  ……另有 {len(lines) - shown} 项")


@app.command()
def draft(
    data: Path = typer.Argument(..., help="数据文件（.yaml），或按文件名顺序合并的数据文件夹"),
    out: Path = typer.Option(..., "-o", "--out", help="输出文件：.docx / .md / .txt"),
    seed: int = typer.Option(0, "--seed", help="措辞选择的随机种子；相同数据和种子得到相同文字"),
    fmt: str | None = typer.Option(None, "--format", help="输出格式 docx / md / txt，默认按扩展名"),
    templates: Path | None = typer.Option(None, "--templates", help="自定义模板目录，覆盖同名的部分模板"),
    style: Path | None = typer.Option(None, "--style", help="版式文件（默认 GB/T 9704-2012）"),
    phrases: Path | None = typer.Option(None, "--phrases", help="短语库（drafter mine 生成）；默认用随附语料的短语库"),
    annotate: bool = typer.Option(False, "--annotate", help="给每个数字加 Word 批注：数据路径、提供部门、状态"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件"),
) -> None:
    """生成报告初稿。"""
    from .api import draft as do_draft, written_at  # deferred: `drafter -h` loads no library

    result = do_draft(data, out, fmt=fmt, seed=seed, templates=templates, style=style, force=force,
                      phrases=phrases, annotate=annotate)
    print(f"已生成 {out}（{result.paragraphs} 段，{result.characters} 字）")
    if result.placeholders:
        print(f"留有 {len(result.placeholders)} 处【待补充】，请在数据文件中填写：")
        for run in result.placeholders:
            # the path counts the merged folder's sections; the position is in the user's own file
            at = written_at(result.loaded, run.source.ref)
            print(f"  {at + ' ' if at else ''}{run.source.ref}  {run.text}")
    for note in result.loaded.topic_notes:  # one topic on two sections, gathered topics the office lacks
        print(f"提示：{note.format()}")
    if result.comments is not None:
        print(f"已为 {result.comments} 个数字加批注（数据路径、提供部门、状态）")
    if result.unused:
        print(f"有 {len(result.unused)} 个值没有写进初稿，原因见 drafter validate {data}")
    doubtful = [p for p in result.doubtful if p not in result.loaded.topic_notes]  # those are said above
    if doubtful:
        print(f"提示：有 {len(doubtful)} 处数据请再核对（初稿照常生成）：")
        for problem in doubtful:
            print(f"  {problem.format()}")
    if result.suggestions:
        from .checks.places import suggestion_places  # deferred: `drafter -h` loads no library

        print(f"另有 {len(result.suggestions)} 处取自语料的建议标题或引领句（绿色突出显示），请确认或改写：")
        for place, run in suggestion_places(result.document):  # where in the report, not the phrase id
            print(f"  {place}：{run.text}")


@app.command()
def check(
    data: Path = typer.Argument(..., help="数据文件（.yaml）或数据文件夹"),
    draft: Path | None = typer.Option(None, "--draft", help="要核对的文稿 .docx（可以是手工改过的）"),
    previous: Path | None = typer.Option(None, "--previous", help="去年的报告或数据文件，核对上年目标"),
    report: Path | None = typer.Option(None, "--report", help="把核对结果另存为 .txt / .md"),
    confirm_sheet: Path | None = typer.Option(None, "--confirm-sheet", help="生成按部门分组的数据核对表 .xlsx"),
    seed: int = typer.Option(0, "--seed", help="起草时用的种子（使比对更准）"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件"),
) -> None:
    """核对文稿中的数字、检查年份/规划期/层级用语/标点等一致性、列出上年目标完成情况；需处理时退出码为 1。"""
    from .api import check as do_check  # deferred: `drafter -h` loads no library

    result = do_check(data, draft=draft, previous=previous, report=report, confirm_sheet=confirm_sheet,
                      force=force, seed=seed)
    print_check(result)
    if result.exit_code:
        raise typer.Exit(result.exit_code)


def print_check(result, console=None) -> None:
    """The check's findings as rich tables on the terminal (or `console`), a finding's data path
    with where it is written, then the files written."""
    from rich.text import Text  # rich, and through cli_render the checks: only `check` needs them

    from .api import written_at
    from .cli_render import print_result, terminal

    console = console or terminal()
    print_result(result, console, where_of=lambda path: written_at(result.loaded, path))
    if result.sheet_path is not None:
        console.print(Text(f"已写出数据核对表 {display_path(result.sheet_path)}"
                           f"（{result.sheet_figures} 个数字，{result.sheet_departments} 个部门）"))
    if result.report_path is not None:
        console.print(Text(f"已写出检查报告 {display_path(result.report_path)}"))


@app.command()
def outline(
    data: Path = typer.Argument(..., help="数据文件（.yaml）或数据文件夹"),
    out: Path = typer.Option(..., "-o", "--out", help="输出文件：.docx / .md / .txt"),
    seed: int = typer.Option(0, "--seed", help="措辞选择的随机种子"),
    style: Path | None = typer.Option(None, "--style", help="版式文件（默认 GB/T 9704-2012）"),
    phrases: Path | None = typer.Option(None, "--phrases", help="短语库"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件"),
) -> None:
    """生成提纲：只有各级标题和引领句，供领导审定。"""
    from .api import outline as do_outline  # deferred: `drafter -h` loads no library

    result = do_outline(data, out, seed=seed, style=style, force=force, phrases=phrases)
    print(f"已生成提纲 {out}（{result.paragraphs} 段）")


@app.command()
def division(
    data: Path = typer.Argument(..., help="数据文件（.yaml）或数据文件夹"),
    out: Path = typer.Option(..., "-o", "--out", help="输出文件：分工.docx（分工意见）或 分工.xlsx（跟踪表）"),
    style: Path | None = typer.Option(None, "--style", help="版式文件（默认 GB/T 9704-2012）"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件"),
    templates: Path | None = typer.Option(None, "--templates", help="自定义模板目录（其中的 division.j2 覆盖自带的分工措辞）"),
) -> None:
    """生成重点工作部门分工意见（.docx）或分工跟踪表（.xlsx）。"""
    from .api import division as do_division  # deferred: `drafter -h` loads no library

    result = do_division(data, out, style=style, force=force, templates=templates)
    print(f"已生成 {out}（{len(result.items)} 项任务）")
    if result.missing_units:
        print(f"其中 {len(result.missing_units)} 项数据中没有牵头或责任单位，已留【待补充】，请在数据文件中填写：")
        _print_first([f"{item.id}  {item.path}.lead_depts  {item.task_text[:24]}……" for item in result.missing_units])
    dates = [r for r in result.placeholders if r.source.ref == "division.closing"]
    if dates:
        print(f"报送时间留有 {len(dates)} 处【待补充】，请在印发前填写")


@app.command()
def validate(
    data: Path = typer.Argument(..., help="数据文件（.yaml）或数据文件夹"),
) -> None:
    """检查数据文件，一次列出所有问题。"""
    from .api import validate as do_validate  # deferred: `drafter -h` loads no library

    result = do_validate(data)
    report = result.report
    level = report.meta.level if report.meta.level.endswith("级市") else report.meta.level + "级"
    print(f"{data}：检查通过（{report.meta.region}{report.meta.year}年，{level}）")
    if result.unused:
        print(f"提示：有 {len(result.unused)} 个值不会出现在初稿中：")
        for problem in result.unused:
            print(f"  {problem.format()}")
    if result.doubtful:
        print(f"提示：有 {len(result.doubtful)} 处数据请再核对（初稿照常生成）：")
        for problem in result.doubtful:
            print(f"  {problem.format()}")


@app.command()
def init(
    path: Path | None = typer.Argument(None, help="要创建的数据文件，如 咸阳市2025.yaml"),
    output: Path | None = typer.Option(None, "-o", "--output", help="同上（与 draft 的 -o 一样写也可以）"),
    region: str | None = typer.Option(None, "--region", help="地区全称，如 咸阳市"),
    level: str | None = typer.Option(None, "--level", help="层级：省 / 市 / 州 / 区 / 县 / 县级市"),
    year: int | None = typer.Option(None, "--year", help="报告年度（计划年度），如 2025"),
    last: Path | None = typer.Option(
        None, "--from", help="从去年的报告（.docx/.txt）或数据文件（.yaml）预填：年度加一，上年目标列入完成情况"
    ),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的数据文件"),
) -> None:
    """创建带中文注释的数据文件骨架。"""
    from .api import check_typed_text, init_from, schema_left_beside  # deferred: `drafter -h` loads no library
    from .api import init as do_init
    from .skeleton import names_new_folder

    # users of `draft -o` type `init -o` too: either way names the file, both must agree
    if path is not None and output is not None and path != output:
        raise DrafterError(f"数据文件写了两个：{path} 和 -o {output}，只写一个")
    path = path or output
    if path is None:
        raise DrafterError("缺少参数：要创建的数据文件，如 drafter init 咸阳市2025.yaml --from 去年的报告.docx")

    check_typed_text("--region", region)
    check_typed_text("--level", level)
    new_folder = names_new_folder(path)  # -o 新文件夹: init makes it, and says so
    if last is not None:
        written = init_from(path, last, force=force, region=region, level=level, year=year)
    else:
        if region is None or level is None or year is None:
            missing = [o for o, v in (("--region", region), ("--level", level), ("--year", year)) if v is None]
            raise DrafterError(f"缺少参数：{'、'.join(missing)}（或用 --from 从去年的报告预填）")
        written = do_init(path, region, level, year, force=force)
    if new_folder:
        print(f"已新建文件夹 {path}")
    for p in written:
        print(f"已写出 {p}")
    path = written[0]  # -o a folder: the file init named in it
    kept = schema_left_beside(path)
    if kept is not None:
        print(f"{display_path(kept)} 已存在且与本版本不同，未覆盖；如需更新：drafter schema > {display_path(kept)}")
    print(f"下一步：填写 {path}，然后运行 drafter draft {path} -o 初稿.docx")


@app.command()
def parse(
    file: Path = typer.Argument(..., help="已有的报告：.txt（UTF-8 / GBK / UTF-16）或 .docx"),
    out: Path | None = typer.Option(None, "-o", "--out", help="写出结构 JSON 的文件；不填则输出到屏幕"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件"),
) -> None:
    """解析已有报告的结构（部分、方面、引领句），输出 JSON。"""
    from .api import parse_structure  # deferred: `drafter -h` loads no library

    if out is not None:
        refuse_input_as_output(out, [("要解析的报告", file)])
    text = parse_structure(file)
    if out is None:
        sys.stdout.write(text)
        return
    atomic_write_text(out, text, force=force)
    print(f"已写出 {out}")


@app.command()
def mine(
    corpus: Path = typer.Argument(..., help="往年报告所在的文件夹（.txt / .docx）"),
    out: Path | None = typer.Option(None, "-o", "--out", help="短语库文件（.json）；默认写到语料文件夹下的 phrases.json"),
    jobs: int = typer.Option(1, "--jobs", help="并行进程数（按报告分配）"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的短语库"),
) -> None:
    """用 jieba 从往年报告挖掘措辞，生成短语库（套话、标题句式、引领句、数字句式、四字词和动宾搭配）。"""
    from .api import mine as do_mine  # deferred: `drafter -h` loads no library
    from .cli_progress import MineBar  # rich: only `mine` needs it

    with MineBar() as bar:
        result = do_mine(corpus, out, jobs=jobs, force=force, progress=bar)
    target = result.out
    for w in result.warnings:
        print(w)
    names = {"formula": "套话", "heading": "标题", "lead": "引领句", "number": "数字句式", "expression": "词语搭配"}
    counts = "，".join(f"{names.get(k, k)} {v} 条" for k, v in result.counts.items())
    print(f"已写出 {target}：{result.files['mined']} 份报告，{counts}")


@app.command()
def phrases(
    query: str = typer.Argument("", help="要找的字词，如 清醒认识到、创新、生产总值；留空列出全部"),
    kind: str | None = typer.Option(None, "--kind", help="formula / heading / lead / number / expression"),
    part: str | None = typer.Option(None, "--part", help="opening / review / targets / key_tasks / self_building / closing"),
    bank: Path | None = typer.Option(None, "--phrases", help="短语库；默认用随附语料的短语库"),
    limit: int = typer.Option(20, "--limit", help="最多列出几条"),
) -> None:
    """在短语库中查找措辞，列出出现次数和出处。"""
    if limit < 1:
        raise DrafterError(f"--limit 应为正整数（收到 {limit}）")
    from .api import find_phrases  # deferred: `drafter -h` loads no library

    found, total = find_phrases(query, kind=kind, part=part, phrases=bank)
    if not found:
        print(f"短语库（{total} 条）中没有找到“{query}”")
        return
    title = f"“{query}”：{len(found)} 条（共 {total} 条）" if query else f"短语库：{total} 条"
    rows = [
        (e.kind, e.slot or e.topic or e.part, e.text, str(e.count),
         "；".join(f"{f.removesuffix('.txt')}:{line}" for f, line in e.sources[:3]))
        for e in found[:limit]
    ]
    if not sys.stdout.isatty():
        # Piped or redirected: one tab-separated line per entry, never cut to a terminal width.
        print(title)
        print("\t".join(("类别", "位置", "措辞", "次数", "出处")))
        for row in rows:
            print("\t".join(row))
        if len(found) > limit:
            print(f"（另有 {len(found) - limit} 条，用 --limit 显示更多）")
        return
    from rich.console import Console  # rich: only this command draws a table
    from rich.table import Table
    from rich.text import Text

    # Text objects, not strings: rich would read 「[/]」 or 「[bold]」 in a bank entry or in the
    # query as markup (and fail, or restyle the table).
    table = Table(title=Text(title))
    for col in ("类别", "位置", "措辞", "次数", "出处"):
        table.add_column(col)
    for row in rows:
        table.add_row(*map(Text, row))
    Console().print(table)
    if len(found) > limit:
        print(f"（另有 {len(found) - limit} 条，用 --limit 显示更多）")


@app.command()
def gather(
    inputs: list[Path] = typer.Argument(..., help="填好的报表（.xlsx）、部门材料（.docx / .txt）或放它们的文件夹"),
    out: Path = typer.Option(..., "-o", "--out", help="数据文件夹：每个来源写一个 30_gather_*.yaml 片段"),
    dept: str | None = typer.Option(None, "--dept", help="材料的提供部门（不填按文件名）"),
    force: bool = typer.Option(False, "--force", help="覆盖手工改过的片段"),
) -> None:
    """汇总部门报表和材料，写成可直接起草的数据片段。"""
    from .api import check_typed_text, gather as do_gather, office_files  # deferred: `drafter -h` loads no library

    check_typed_text("--dept", dept)
    result = do_gather(inputs, out, force=force, dept=dept)
    for line in result.summary.lines():
        print(line)
    if office_files(out):
        print(f"已写出 {len(result.written)} 个片段；下一步：drafter draft {out} -o 初稿.docx")
        return
    # fragments alone cannot be drafted: no region, year, structure (meta)
    print(f"已写出 {len(result.written)} 个片段。{out} 中还没有办公室的数据文件（地区、年度等基本信息 meta）；"
          f"下一步：drafter init --from 去年的报告.docx -o {out}（或 --region 某市 --level 市 --year 年度），"
          f"再 drafter draft {out} -o 初稿.docx")


@app.command()
def forms(
    data: Path = typer.Argument(..., help="数据文件（.yaml）或数据文件夹"),
    out: Path = typer.Option(..., "-o", "--out", help="存放报表的文件夹（不存在则创建），每个部门一个 .xlsx"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的报表"),
) -> None:
    """按部门生成数据报送表（.xlsx），发给各部门填写后用 drafter gather 汇总。"""
    from .api import forms as do_forms  # deferred: `drafter -h` loads no library

    result = do_forms(data, out, force=force)
    for f in result.files:
        print(f"已写出 {f.path}（{f.rows} 项指标，{f.prefilled} 项已预填）")
    print(f"共 {len(result.files)} 个部门")
    if result.unassigned:
        print(f"另有 {len(result.unassigned)} 项数据没有注明提供部门（dept），未列入报表：")
        _print_first([str(p) for p in result.unassigned])


@app.command()
def schema() -> None:
    """输出数据文件的 JSON Schema（供编辑器自动补全）。"""
    from .api import schema as do_schema  # deferred: `drafter -h` loads no library

    sys.stdout.write(do_schema())


# The commands' positional arguments, by their Python names, as a missing one is named.
_ARGUMENTS = {
    "data": "数据文件（或数据文件夹）",
    "path": "要创建的数据文件",
    "file": "要解析的报告",
    "corpus": "语料文件夹",
    "inputs": "报表或材料",
}


def _extra_arguments(e: click_exc.UsageError, extra: str) -> str:
    command = e.ctx.info_name if e.ctx is not None else ""
    if command == "check" and extra.lower().endswith(".docx"):
        return f"多余的参数：{extra}；要核对文稿请用 --draft 文稿.docx"
    if command in ("draft", "outline", "division", "parse") and "." in extra:
        return f"多余的参数：{extra}；输出文件请用 -o {extra}"
    return f"多余的参数：{extra}（用 {_usage(e)} 查看用法）"


def _usage(e: click_exc.UsageError) -> str:
    """`drafter COMMAND -h`, the help of the command the mistake was made in."""
    command = e.ctx.info_name if e.ctx is not None and e.ctx.info_name != "drafter" else ""
    return f"drafter {command} -h" if command else "drafter -h"


def _usage_error(e: click_exc.UsageError) -> str:
    """Click's messages are English: each kind the user can meet, said in Chinese."""
    name = type(e).__name__
    if isinstance(e, click_exc.NoSuchOption):
        near = "、".join(e.possibilities or ())
        hint = f"，是不是要用 {near}" if near else ""
        return f"没有这个选项：{e.option_name}{hint}（用 drafter -h 查看用法）"
    if isinstance(e, click_exc.BadOptionUsage):
        if "requires" in e.message:
            return f"选项 {e.option_name} 后面缺少取值"
        if "does not take a value" in e.message:
            return f"选项 {e.option_name} 不带取值"
        return f"选项 {e.option_name} 的用法不对（用 {_usage(e)} 查看用法）"
    if isinstance(e, click_exc.MissingParameter):
        param = e.param
        label = "/".join(param.opts) if param is not None and param.opts else (param.name if param else "")
        if param is not None and param.param_type_name == "argument":
            label = _ARGUMENTS.get(param.name or "", label)
        return f"缺少参数：{label}（用 {_usage(e)} 查看用法）"
    if isinstance(e, click_exc.BadParameter):
        param = e.param
        label = "/".join(param.opts) if param is not None and param.opts else ""
        msg = e.message
        if "integer" in msg:
            msg = "应为整数"
        elif "float" in msg or "number" in msg:
            msg = "应为数字"
        elif "does not exist" in msg:
            msg = "路径不存在"
        elif not any("\u4e00" <= c <= "\u9fff" for c in msg):  # click's or pydantic's English
            msg = "格式不对"
        return f"参数 {label} 的取值无效：{msg}"
    if name == "UsageError" and "No such command" in e.message:
        return f"没有这个命令：{e.message.split(chr(39))[1] if chr(39) in e.message else ''}（用 drafter -h 查看全部命令）"
    if e.message.startswith("Got unexpected extra argument"):
        # 「Got unexpected extra argument(s) (a b)」: the arguments are inside the last brackets
        extra = e.message.removeprefix("Got unexpected extra argument(s) (").removesuffix(")")
        return _extra_arguments(e, extra)
    if e.message.startswith("Missing command"):
        return "缺少命令（用 drafter -h 查看全部命令）"
    return "命令行参数有误（用 drafter -h 查看用法）"


# Click's help framing is English; the words are few and fixed, so translate them.
_HELP_WORDS = [
    ("Usage: ", "用法："),
    ("Show this message and exit.", "显示本帮助并退出。"),
    ("Options:", "选项："),
    ("Commands:", "命令："),
    ("Arguments:", "参数："),
    ("[required]", "[必填]"),
    ("[default: ", "[默认："),
    ("OPTIONS", "选项"),
    ("COMMAND", "命令"),
    ("ARGS", "参数"),
    # typer's type labels (gather's inputs read 「<list[Path]>」); same width on a terminal,
    # where a Chinese character takes two columns, so the help columns stay aligned
    ("<list[Path]>", "<路径>...   "),
    ("<path>", "<路径>"),
    ("<int> ", "<整数>"),
    ("<str> ", "<文字>"),
]


def _print_help(text: str) -> None:
    for en, zh in _HELP_WORDS:
        text = text.replace(en, zh)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    wants_help = not args or any(a in ("-h", "--help") for a in args)
    captured = io.StringIO()
    real_stdout = sys.stdout
    if wants_help:
        sys.stdout = captured
    try:
        rv = app(args=args, standalone_mode=False, prog_name="drafter")
    except DrafterError as e:
        for line in e.lines():
            _err(line)
        return e.exit_code
    except click_exc.NoArgsIsHelpError as e:
        sys.stdout = real_stdout
        _print_help(e.ctx.get_help() if e.ctx else str(e))
        return 0
    except click_exc.UsageError as e:
        sys.stdout = real_stdout
        _err(_usage_error(e))
        return 2
    except (typer.Abort, KeyboardInterrupt):
        _err("已中止")
        return 130
    except typer.Exit as e:
        return e.exit_code
    finally:
        if wants_help and sys.stdout is captured:
            sys.stdout = real_stdout
            if captured.getvalue():
                _print_help(captured.getvalue())
    if rv == 130:  # typer turns Ctrl-C inside a command into Exit(130), returned as the value
        _err("已中止")
    return rv if isinstance(rv, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
