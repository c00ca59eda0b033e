"""The report's data (pydantic v2): what a drafting office fills in for its region."""

from .base import Model, Number, Text
from .figures import Comparison, Fact, Figure, Rank, Status
from .meta import BELOW_PREFECTURE, LEVEL_WORDS, LEVELS, Level, LevelWords, Meta, level_words
from .report import GlossaryTerm, Report
from .review import Highlight, Review, ReviewSection, Thanks
from .self_building import Closing, SelfBuilding, SelfBuildingItem
from .structure import Opening, PartHeadings, PartSubtitles, Structure
from .targets import QUALIFIERS, Qualifier, Target, TargetCheck, Targets
from .tasks import Area, KeyTasks, Livelihood, TaskItem

__all__ = [
    "Model", "Number", "Text", "Comparison", "Fact", "Figure", "Rank", "Status", "BELOW_PREFECTURE", "LEVEL_WORDS", "LEVELS", "level_words",
    "Level", "LevelWords", "Meta", "Report", "GlossaryTerm", "Highlight", "Review", "ReviewSection", "Thanks", "Closing",
    "SelfBuilding", "SelfBuildingItem", "Opening", "PartHeadings", "PartSubtitles", "Structure", "QUALIFIERS",
    "Qualifier", "Target", "TargetCheck", "Targets", "Area", "KeyTasks", "Livelihood", "TaskItem",
]
