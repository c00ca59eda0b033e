"""The report's own paragraph styles: the id Word files carry and the name Word shows.

Shared by the styles the writer builds (docx_writer) and the paragraphs that name them
(body_writer).
"""

# profile key -> style id (ASCII, stable for other tools) and the name Word shows
STYLE_IDS = {
    "title": "ReportTitle",
    "subtitle": "ReportSubtitle",
    "speaker": "ReportSpeaker",
    "body": "ReportBody",
    "part_heading": "ReportPartHeading",
    "heading1": "ReportHeading1",
    "heading2": "ReportHeading2",
    "page_number": "ReportPageNumber",
}
# Not "正文"/"标题"/"页脚": Chinese Word shows its built-in Normal/Title/Footer under those names.
STYLE_NAMES = {
    "title": "报告标题",
    "subtitle": "报告副标题",
    "speaker": "报告人",
    "body": "报告正文",
    "part_heading": "部分标题",
    "heading1": "一级标题",
    "heading2": "二级标题",
    "page_number": "报告页码",
}
