"""Office workflow outputs around the draft, from the same data:

    outline        drafter outline DATA -o 提纲.docx   headings and lead phrases only
    division       drafter division DATA -o 分工.docx   部门分工的意见 (or 分工.xlsx: tracking sheet)
    annotate       drafter draft DATA -o 初稿.docx --annotate   a Word comment on every figure

The outline and the annotated draft are written by the draft pipeline (drafter/pipeline.py).
Each `write_*` function checks the target first (an existing file is kept
unless force), writes atomically, and raises DrafterError (Chinese message) on user mistakes.
"""

from .annotate import comments_of, figure_notes, write_annotated
from .division import (
    DivisionItem,
    DivisionResult,
    division_document,
    division_items,
    write_division,
    write_division_xlsx,
)
from .outline import outline, outline_of

__all__ = [
    "outline", "outline_of",
    "DivisionItem", "DivisionResult", "division_document", "division_items", "write_division",
    "write_division_xlsx",
    "comments_of", "figure_notes", "write_annotated",
]
