"""The guide engine: guides as data, and workbooks worked out from answers.

Pure Python with no Django import, so it can be tested and timed on its own.
"""

from coplan.guides.engine.conditions import AnswerState
from coplan.guides.engine.loading import (
    DEFAULT_GUIDE_FILES,
    DEFAULT_GUIDES_FOLDER,
    default_guides,
    guide_build,
    guide_load,
    guide_read,
)
from coplan.guides.engine.model import (
    Guide,
    Level,
    Link,
    Option,
    ProjectFact,
    Question,
    Rule,
    Section,
    Source,
    WayForward,
)
from coplan.guides.engine.problems import GuideFileError, GuideProblem
from coplan.guides.engine.text import TextBlock, text_blocks
from coplan.guides.engine.values import (
    NO,
    NOT_SURE,
    YES,
    AnswerKind,
    AnswerValueError,
    DateSpan,
    Duration,
    answer_value_read,
    duration_parse,
)
from coplan.guides.engine.versions import (
    AnswerMigration,
    GuideVersionError,
    MigrationNote,
    answers_migrate,
)
from coplan.guides.engine.workbook import (
    Answer,
    Outcome,
    OutcomeStatus,
    Readiness,
    ReadinessStatus,
    Resolution,
    ResolutionError,
    SectionProgress,
    SectionStatus,
    Workbook,
    way_forward_choose,
    workbook_evaluate,
)

__all__ = [
    "DEFAULT_GUIDES_FOLDER",
    "DEFAULT_GUIDE_FILES",
    "NO",
    "NOT_SURE",
    "YES",
    "Answer",
    "AnswerKind",
    "AnswerMigration",
    "AnswerState",
    "AnswerValueError",
    "DateSpan",
    "Duration",
    "Guide",
    "GuideFileError",
    "GuideProblem",
    "GuideVersionError",
    "Level",
    "Link",
    "MigrationNote",
    "Option",
    "Outcome",
    "OutcomeStatus",
    "ProjectFact",
    "Question",
    "Readiness",
    "ReadinessStatus",
    "Resolution",
    "ResolutionError",
    "Rule",
    "Section",
    "SectionProgress",
    "SectionStatus",
    "Source",
    "TextBlock",
    "WayForward",
    "Workbook",
    "answer_value_read",
    "answers_migrate",
    "default_guides",
    "duration_parse",
    "guide_build",
    "guide_load",
    "guide_read",
    "text_blocks",
    "way_forward_choose",
    "workbook_evaluate",
]
