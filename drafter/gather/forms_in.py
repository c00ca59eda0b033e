"""Reading a returned form (.xlsx written by `drafter forms`, filled by a department).

Layout (the contract with drafter/office/forms.py): sheet 数据 with the header row
指标 | 单位 | 上年数 | 本年目标 | 本年数 | 增长(%) | 状态 | 备注; optional sheet 工作和措施
(主要工作和成效 | 明年主要措施, one short line per row); hidden sheet 元数据 with key/value
rows (部门, 地区, 年度) and, in a form `drafter forms` made, the rows it listed with their data
paths. Anything that would lose or bend a value is refused with the file, sheet and cell: text
such as 「6%」 in a number cell, a merged cell, a renamed sheet or a changed header. Every bad
cell of a form is listed in one refusal (one line each), so a department fixes its form in one go.

Listed rows are found by name (and unit), not by position: a department that unprotects the
sheet and inserts a row shifts them, and the office's prefilled values must still be known as
its own (gather/__init__.py then writes only what the department filled or changed). A listed
name changed by the department is refused at its cell. A form `drafter forms` made (it has the
填写说明 sheet or a protected 数据 sheet) whose 元数据 was deleted is refused: nothing else tells
the prefilled rows from the department's, and they would come back as new facts. A plain table
built to the layout by another tool (never had 元数据, has no prefilled rows) is read, with the
department its file name names (区财政局.xlsx); a file name that names none is refused.
Formulas are read by their saved values (Excel, WPS and LibreOffice save them); a formula saved
without one (openpyxl, some scripts) is refused rather than read as an empty cell.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from ..errors import DrafterError
from ..limits import MAX_NUMBER_DIGITS
from ..parse.lines import cn_number
from ..phrases.topics import indicator_topic
from .dept_topics import field_prior, fill_topics
from .facts import GCell, GFigure, Gathered, GText
from .materials import dept_from_name, topic_of

DATA_SHEET = "数据"
TEXT_SHEET = "工作和措施"
META_SHEET = "元数据"
HELP_SHEET = "填写说明"  # only `drafter forms` writes it: the mark of a form it made
HEADER = ("指标", "单位", "上年数", "本年目标", "本年数", "增长(%)", "状态", "备注")
TEXT_HEADER = ("主要工作和成效", "明年主要措施")
STATUSES = ("预计", "快报", "核实")
NUMBER_COLUMNS = {3: "上年数", 4: "本年目标", 5: "本年数", 6: "增长(%)"}
MAX_ROWS = 5_000  # a form lists dozens of figures; thousands of rows is not a form
_PLAIN_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$")
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")  # <f>…</f> in a sheet's XML; not <formula1>
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ue000\ue001]")
# 本年 is the year the figures are of (the report's year - 1); 年度 (the report's year) only
# when a form has no 本年: either keeps forms of one office comparable.
_META_KEYS = {"部门": "dept", "填报部门": "dept", "地区": "region", "本年": "year", "年度": "report_year"}


def _where(shown: str, sheet: str, coord: str) -> str:
    return f"{shown} 工作表“{sheet}”单元格 {coord}"


def read_form(path: Path, data: bytes, shown: str) -> Gathered:
    import openpyxl  # heavy: loaded only when a form is read

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on a broken package, none documented
        raise DrafterError(f"{shown}：无法作为 Excel 工作簿读取（{type(e).__name__}），请用 Excel / WPS 重新保存为 .xlsx") from None
    if DATA_SHEET not in wb.sheetnames:
        names = "、".join(f"“{n}”" for n in wb.sheetnames)
        raise DrafterError(
            f"{shown}：找不到工作表“{DATA_SHEET}”（现有 {names}）；请不要改名或删除报表的“{DATA_SHEET}”工作表"
        )
    problems = _uncached_formulas(data, wb, shown)  # one line per bad cell or sheet, refused together at the end
    if META_SHEET in wb.sheetnames:
        meta = _read_meta(wb[META_SHEET])
        dept = meta.get("dept") or path.stem
    else:
        meta, dept = {}, _dept_without_meta(wb, path, shown)
    year = _year(meta.get("year")) or _year(meta.get("report_year"))
    out = Gathered(path, path.name, dept, "form", region=meta.get("region"), year=year)
    if meta.get("dept"):
        out.depts_listed.add(meta["dept"])
    names = _collect(problems, _read_figures, wb[DATA_SHEET], out, shown, problems)
    if names is not None:
        _match_listed(wb, names, out, shown, problems)
    if TEXT_SHEET in wb.sheetnames:
        _collect(problems, _read_lines, wb[TEXT_SHEET], out, shown, problems)
    if problems:
        raise DrafterError("\n".join(problems))
    # a row or line whose topic cannot be told takes its neighbour's, then the department's field
    for figure, topic in zip(out.figures, fill_topics([f.topic for f in out.figures], out.dept), strict=True):
        figure.topic = topic
    for line, topic in zip(out.texts, fill_topics([t.topic for t in out.texts], out.dept), strict=True):
        line.topic = topic
    return out


def _dept_without_meta(wb, path: Path, shown: str) -> str:
    """The department of a form with no 元数据 (see the module doc), or a refusal."""
    if HELP_SHEET in wb.sheetnames or wb[DATA_SHEET].protection.sheet:
        raise DrafterError(
            f"{shown} 工作表“{META_SHEET}”：找不到。drafter forms 生成的报表带有这张隐藏的工作表，记录报送部门和办公室预填的行；"
            "没有它，预填的数会被当成部门新报的数，在初稿里重复出现。请在原报表上填写后再交，不要删除隐藏的工作表"
        )
    dept = dept_from_name(path.name)
    if dept is None:
        raise DrafterError(
            f"{shown}：没有工作表“{META_SHEET}”，文件名也看不出报送部门；"
            "请用 drafter forms 生成的报表填写，或把文件改名为部门名称（如 区统计局.xlsx）"
        )
    return dept


def _uncached_formulas(data: bytes, wb, shown: str) -> list[str]:
    """The formula cells of 数据 and 工作和措施 saved without a value: openpyxl reads them as
    empty, so the department's number would be dropped without a word."""
    import openpyxl  # heavy: loaded only when a form is read

    with zipfile.ZipFile(io.BytesIO(data)) as z:  # the workbook already opened, so the package reads
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        if not any(_FORMULA_TAG.search(z.read(n)) for n in sheets):
            return []  # the usual case: no formula at all, no second load
    raw = openpyxl.load_workbook(io.BytesIO(data))
    problems = []
    for title in (DATA_SHEET, TEXT_SHEET):
        if title not in raw.sheetnames:
            continue
        ws, values = raw[title], wb[title]
        for row in ws.iter_rows(max_row=min(ws.max_row, MAX_ROWS + 10), max_col=len(HEADER)):
            for cell in row:
                if cell.data_type == "f" and values[cell.coordinate].value is None:
                    problems.append(f"{_where(shown, title, cell.coordinate)} 是公式但没有计算结果："
                                    "请在 Excel/WPS 中打开并保存后再交")
    return problems


def _collect(problems: list[str], read, *args):
    """read(*args), or None with its refusal added to problems: one bad cell does not hide the next."""
    try:
        return read(*args)
    except DrafterError as e:
        problems.append(e.message)
        return None


def _year(v) -> int | None:
    t = str(v).strip().removesuffix(".0") if v is not None else ""
    return int(t) if re.fullmatch(r"\d{4}", t) else None


def _match_listed(wb, names: dict[int, tuple[str, str]], out: Gathered, shown: str, problems: list[str]) -> None:
    """Pair the rows `drafter forms` listed (元数据) with the sheet's rows by name and unit, the
    same row first; give each paired figure the data paths of its 本年数 and 增长(%) cells (rows
    a department added have none). A listed name found nowhere whose row now holds a name the
    office did not list was renamed: refused at that cell. names: row → (指标, 单位)."""
    from ..office.forms import read_meta

    meta = read_meta(wb)
    if meta is None:
        return
    paired: dict[int, int] = {}  # sheet row → 元数据 row
    for m, listed in sorted(meta.rows.items()):
        free = [r for r, (name, _) in names.items() if name == listed.get("指标") and r not in paired]
        if free:
            r = m if m in free else next((r for r in free if names[r][1] == listed.get("单位", "")), free[0])
            paired[r] = m
    listed_names = {listed.get("指标") for listed in meta.rows.values()}
    found = set(paired.values())
    for m, listed in sorted(meta.rows.items()):
        now = names.get(m, ("", ""))[0]
        if m not in found and now and now not in listed_names:
            problems.append(
                f"{_where(shown, DATA_SHEET, f'A{m}')}：办公室列出的指标“{listed.get('指标')}”被改成了“{now}”；"
                f"已列出的指标名称是锁定的，请改回“{listed.get('指标')}”，本表没有列出的指标请在下方另起一行填写"
            )
    for f in out.figures:
        at = paired.get(f.row) if f.row is not None else None
        if at is not None:
            f.paths = _cell_paths(meta.rows[at])
    for cell in out.aside:  # a 本年目标 the office prefilled is known by its path's value
        at = paired.get(cell.row)
        if at is not None and cell.column == "本年目标":
            cell.path = next(iter(meta.rows[at].get("本年目标", "").split()), None)


def _cell_paths(listed: dict[str, str]) -> dict[str, str]:
    """{column: data path} of a listed row's 本年数 and 增长(%); a cell two entries share (a
    headline growth and its check's actual: forms.SHARED_COLUMNS) lists both space-separated,
    the second kept as 增长(%)#2 — every key but 本年数 is compared and filled with the growth."""
    paths: dict[str, str] = {}
    for column in ("本年数", "增长(%)", "备注"):
        for i, path in enumerate(listed.get(column, "").split()):
            paths[column if i == 0 else f"{column}#{i + 1}"] = path
    return paths


def _read_meta(ws) -> dict[str, str]:
    meta: dict[str, str] = {}
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 200), max_col=2, values_only=True):
        key = str(row[0]).strip() if row and row[0] is not None else ""
        if key in _META_KEYS and len(row) > 1 and row[1] is not None and str(row[1]).strip():
            meta.setdefault(_META_KEYS[key], str(row[1]).strip())
    return meta


def _refuse_merged(ws, shown: str) -> None:
    merged = sorted(ws.merged_cells.ranges, key=lambda m: (m.min_row, m.min_col))
    if merged:
        raise DrafterError("\n".join(
            f"{_where(shown, ws.title, m.coord)}：有合并单元格，合并会丢掉除左上角以外的值；"
            "请取消合并，每个值填在自己的单元格里" for m in merged
        ))


def _header_row(ws, first: str, shown: str, expected: tuple[str, ...]) -> int:
    """The row of the header (row 1 unless a title row was kept above it), checked cell by cell."""
    row = next((r for r in range(1, min(ws.max_row, 5) + 1) if _text(ws.cell(r, 1).value) == first), None)
    if row is None:
        got = _text(ws.cell(1, 1).value)
        raise DrafterError(
            f"{_where(shown, ws.title, 'A1')}：表头被改动，应为“{first}”，这里是“{got}”；"
            f"表头应为 {' | '.join(expected)}，请用原报表重新填写"
        )
    for col, want in enumerate(expected, start=1):
        got = _text(ws.cell(row, col).value)
        if got != want:
            coord = ws.cell(row, col).coordinate
            raise DrafterError(
                f"{_where(shown, ws.title, coord)}：表头被改动，应为“{want}”，这里是“{got}”；"
                f"表头应为 {' | '.join(expected)}，请用原报表重新填写"
            )
    return row


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return re.sub(r"\s+", " ", str(v)).strip()


def _checked_text(cell, shown: str, sheet: str) -> str:
    t = _text(cell.value)
    m = _CONTROL.search(t)
    if m:
        raise DrafterError(
            f"{_where(shown, sheet, cell.coordinate)}：含不可见的控制字符（U+{ord(m.group()):04X}），请删除"
        )
    return t


def _number(cell, shown: str, sheet: str, label: str):
    v = cell.value
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    where = _where(shown, sheet, cell.coordinate)
    if isinstance(v, (bool, datetime, date, time)):
        raise DrafterError(f"{where}（{label}）：应为数字，这里是{'逻辑值' if isinstance(v, bool) else '日期或时间'}")
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            raise DrafterError(f"{where}（{label}）：不是有效的数字")
        return int(v) if v.is_integer() and abs(v) < 1e15 else Decimal(repr(v))
    text = str(v).strip()
    if _PLAIN_NUMBER.match(text) and len(text.replace(".", "").lstrip("+-")) <= MAX_NUMBER_DIGITS:
        return int(text) if re.fullmatch(r"[-+]?\d+", text) else Decimal(text)
    raise DrafterError(
        f"{where}（{label}）：“{text[:20]}”不是数字；这一列只填数字，如 6 或 4.3，"
        "单位写在“单位”列，百分号、“约”“以上”等写在“备注”列"
    )


def _table(ws, columns, shown: str) -> int:
    """The row of a sheet's header, once the sheet is known to hold a plain, bounded table."""
    _refuse_merged(ws, shown)
    header = _header_row(ws, columns[0], shown, columns)
    if ws.max_row - header > MAX_ROWS:
        raise DrafterError(f"{shown} 工作表“{ws.title}”有 {ws.max_row - header} 行，超过上限 {MAX_ROWS} 行，已拒绝")
    return header


def _status(cell, shown: str, sheet: str) -> str:
    status = _checked_text(cell, shown, sheet)
    if status and status not in STATUSES:
        raise DrafterError(f"{_where(shown, sheet, cell.coordinate)}（状态）：“{status}”无效，应为 预计 / 快报 / 核实")
    return status


def _read_figures(ws, out: Gathered, shown: str, problems: list[str]) -> dict[int, tuple[str, str]]:
    """Rows → out.figures; a bad cell goes to problems and its row is skipped, the rest still read.
    Returns every named row's (指标, 单位), filled or not, to match against 元数据."""
    header = _table(ws, HEADER, shown)
    names: dict[int, tuple[str, str]] = {}
    for r in range(header + 1, ws.max_row + 1):
        cells = [ws.cell(r, c) for c in range(1, len(HEADER) + 1)]
        if all(_text(c.value) == "" for c in cells):
            continue
        before = len(problems)
        name = _collect(problems, _checked_text, cells[0], shown, ws.title)
        numbers = {c: _collect(problems, _number, cells[c - 1], shown, ws.title, label)
                   for c, label in NUMBER_COLUMNS.items()}
        status = _collect(problems, _status, cells[6], shown, ws.title)
        unit = _collect(problems, _checked_text, cells[1], shown, ws.title)
        note = _collect(problems, _checked_text, cells[7], shown, ws.title)
        if name:
            names[r] = (name, unit or "")
        if name == "":
            problems.append(f"{_where(shown, ws.title, cells[0].coordinate)}：这一行填了数，但没有写指标名称")
        if len(problems) > before or name is None:
            continue
        out.aside += [GCell(NUMBER_COLUMNS[c], f"{shown}!{cells[c - 1].coordinate}", name, numbers[c], r)
                      for c in (3, 4) if numbers[c] is not None]
        value, growth = numbers[5], numbers[6]
        done = done_of(note)
        if value is None and growth is None and done is None:
            out.blank_rows += 1  # listed by the office, not (yet) filled by the department
            continue
        if value is None and growth is None:  # 备注 alone: 已完成 / 未完成 (a task the level above set)
            out.figures.append(GFigure(
                name=name, unit=None, value=None, growth=None, status=status or None, dept=out.dept,
                source=f"{out.shown}!{cells[7].coordinate}", topic=indicator_topic(name),
                where=f"{shown}!{cells[7].coordinate}", row=r, done=done,
            ))
            continue
        at = cells[4] if value is not None else cells[5]
        words = read_note(note or "")
        if done is not None:  # 「-3，完成节能减排任务」: the number, and the answer to a task of the office's
            out.figures.append(GFigure(
                name=name, unit=None, value=None, growth=None, status=status or None, dept=out.dept,
                source=f"{out.shown}!{cells[7].coordinate}", topic=indicator_topic(name),
                where=f"{shown}!{cells[7].coordinate}", row=r, done=done, beside=True,
            ))
        out.figures.append(GFigure(
            name=name, unit=unit or None, value=value, growth=growth,
            status=status or None, dept=out.dept, source=f"{out.shown}!{at.coordinate}", topic=indicator_topic(name),
            where=f"{shown}!{at.coordinate}",
            last=numbers[3], target=numbers[4], note=words.note, row=r,
            approx=words.approx, qualifier=words.qualifier, rank=words.rank, verb=words.verb,
        ))
    return names


# A 备注 that answers a task the level above set (forms.py: 请在备注中写“已完成”或“未完成”).
_DONE = {w: True for w in ("完成", "已完成", "全面完成", "圆满完成", "超额完成", "按期完成", "是")}
_DONE.update({w: False for w in ("未完成", "没有完成", "未能完成", "尚未完成", "否")})
# 「完成节能减排任务」「未完成市下达目标任务」: the task named in the answer
_DONE_TASK = re.compile(r"(?:(未|没有|未能|尚未)|已|全面|圆满|超额|按期)?完成[\u4e00-\u9fff]{0,12}(?:任务|目标)")


def done_of(note: str | None) -> bool | None:
    """What a 备注 answers a task the level above set: True (完成), False (未完成), None (nothing)."""
    words = (note or "").strip().rstrip("。")
    if words in _DONE:
        return _DONE[words]
    m = _DONE_TASK.fullmatch(words)
    return None if m is None else not m.group(1)


def done_paths(data, name: str) -> dict[str, str]:
    """{备注: review.checks[i].done} of the office's task set by the level above that a row named
    `name` answers (a row the department added: 单位生产总值能耗 for 单位GDP能耗降幅)."""
    from ..model.targets import ASSIGNED
    from ..office.catalogue import known_names

    review = data.get("review") if isinstance(data, dict) else None
    checks = review.get("checks") if isinstance(review, dict) else None
    for i, check in enumerate(checks if isinstance(checks, list) else []):
        if isinstance(check, dict) and check.get("qualifier") == ASSIGNED and isinstance(check.get("name"), str) \
                and (check["name"] == name or known_names(check["name"]) & known_names(name)):
            return {"备注": f"review.checks[{i}].done"}
    return {}


@dataclass
class NoteWords:
    """What a 备注 says about its number, in the fields the draft writes it with."""

    approx: str = ""  # 约 / 余 / 多 / 超 / 近 (Figure.approx)
    qualifier: str = ""  # 以上 / 左右 / 以内 (以下 is said 以内: the model's word for an upper bound)
    rank: dict | None = None  # Figure.rank: {scope, place, numeral, of}
    verb: str = ""  # 提升至 / 达到: Figure.verb, written before the number
    note: str | None = None  # anything else: Figure.note, written after the number


_APPROX = {"约": "约", "余": "余", "多": "多", "超": "超", "近": "近", "超过": "超", "接近": "近", "大约": "约"}
# 以下 (城镇登记失业率4.2%以下) bounds from above as 以内 does; the corpus writes 以内 25 times, 以下 4
_QUALIFIERS = {"以上": "以上", "左右": "左右", "以内": "以内", "以下": "以内"}
# a verb alone (提升至 on 常住人口城镇化率): the figure's verb, 「常住人口城镇化率提升至54.35%」
_VERB = re.compile(r"^(?:(?:提升|提高|增加|上升|下降|降低|减少|扩大|缩小|增|降|升)(?:至|到)|稳定在|保持在|控制在|"
                   r"达到|达|突破|完成|实现|新增|累计|建成)$")
_RANK = re.compile(r"^(增速|总量)?(?:列|居|排|位居|位列|排名|排位)(全省|全市|全国|全区|全州)(?:县（市、区）|县\(市、区\)|设区市)?第(\d{1,3}|[一二三四五六七八九十]{1,3})(?:位|名)?$")


def read_note(text: str) -> NoteWords:
    """A department's 备注 → approx / qualifier / rank / verb / note: 「约」→ 约120亿元, 「左右」→ 增长4%左右,
    「列全省第1」→ rank (「总量居全省第2位」 with of: 总量), 「提升至」→ verb, anything else → note, so every word reaches the draft (never only a YAML
    comment). Parts are split at ，、；; and spaces (「约，列全省第4」)."""
    out = NoteWords()
    rest: list[str] = []
    for part in (p for p in re.split(r"[，,；;、\s]+", text.strip()) if p):
        rank = _RANK.match(part)
        place = None if rank is None else int(rank.group(3)) if rank.group(3).isdigit() else cn_number(rank.group(3))
        if part in _APPROX and not out.approx:
            out.approx = _APPROX[part]
        elif part in _QUALIFIERS and not out.qualifier:
            out.qualifier = _QUALIFIERS[part]
        elif _VERB.match(part) and not out.verb:
            out.verb = part
        elif rank and place is not None and out.rank is None:  # 第二二 (a slip) is no place: kept as words
            # 总量居全省第2位 ranks the total: without `of` the draft infers 增速 from the growth
            out.rank = {"scope": rank.group(2), "place": place,
                        "numeral": "数字" if rank.group(3).isdigit() else "汉字"}
            if rank.group(1):
                out.rank["of"] = rank.group(1)
        else:
            rest.append(part)
    out.note = "，".join(rest) or None
    return out


def _read_lines(ws, out: Gathered, shown: str, problems: list[str]) -> None:
    """One fact per filled cell; its topic as a material sentence's (materials.topic_of: the
    corpus bigram table and the form's department's field), each line on its own and ending
    its sentence (。 added when the department typed none)."""
    header = _table(ws, TEXT_HEADER, shown)
    prior = field_prior(out.dept)
    for r in range(header + 1, ws.max_row + 1):
        for col, part in ((1, "review"), (2, "key_tasks")):
            cell = ws.cell(r, col)
            text = _collect(problems, _checked_text, cell, shown, ws.title)
            if text:
                topic = topic_of(text, prior=prior)
                # a line is a sentence of its own: drafted unclosed it ran on into the next
                # department's (…工作推进会，实施优化学校布局…)
                text = re.sub(r"[，,、；;：:]+$", "", text)
                if text and text[-1] not in "。！？!?…”）":
                    text += "。"
                out.texts.append(GText(text, part, topic, f"{out.shown}!{ws.title}!{cell.coordinate}", out.dept))


def check_paths(data, name: str) -> dict[str, str]:
    """The last year's growth targets in an office file (its loaded dict) that a row named `name`
    with no 元数据 path answers (a row the department added, or a form made before a target had
    its own row): {增长(%)#k: review.checks[i].actual or .actual2}, the second for the second
    part of a split target (城镇和农村居民… → 农村居民…). gather/__init__._against_office compares
    or fills them with the row's growth, as the paths of a listed row."""
    from ..office.catalogue import known_names
    from ..office.forms import split_names

    review = data.get("review") if isinstance(data, dict) else None
    checks = review.get("checks") if isinstance(review, dict) else None
    out: dict[str, str] = {}
    for i, check in enumerate(checks if isinstance(checks, list) else []):
        if not isinstance(check, dict) or check.get("kind", "growth") != "growth" or not isinstance(check.get("name"), str):
            continue
        parts = split_names(check["name"]) if check.get("value2") is not None else None
        for k, part in enumerate(parts or (check["name"],)):
            if part == name or known_names(part) & known_names(name):
                out[f"增长(%)#{len(out) + 2}"] = f"review.checks[{i}].actual{'2' if k else ''}"
    return out
