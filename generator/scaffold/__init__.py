"""Scaffolding beside the pipeline: ``briefing new source|topic|fact|entity|judgment`` -> a valid new entry.

A contributor gives values (flags or prompts, gathered by ``cli.new``); ``project`` reads
the ids the project holds and suggests new ones, ``drafts`` checks every value with the
same models and rules the checker uses, ``entries`` decides what to write and ``writing``
writes it: a new file for a source or a topic, or text appended to an existing file for a
fact, an entity or a judgment, never rewriting a byte already there. ``amend`` adds a dated
correction, retirement or history entry to a record already published (``briefing
correct|retire|revise``).
"""

from generator.errors import ScaffoldError
from generator.scaffold.drafts import (
    CitationDraft,
    FactDraft,
    JudgmentDraft,
    check_pairing,
    citation_field_check,
    fact_data,
    fact_field_check,
    field_error,
    judgment_field_check,
)
from generator.scaffold.entries import new_entity, new_fact, new_judgment, new_source, new_topic
from generator.scaffold.project import Project, id_error, reference_error, slugify, suggest_id
from generator.scaffold.writing import Scaffolded

__all__ = [
    "CitationDraft", "FactDraft", "JudgmentDraft", "Project", "ScaffoldError", "Scaffolded",
    "check_pairing", "citation_field_check", "fact_data", "fact_field_check", "field_error", "id_error",
    "judgment_field_check", "new_entity", "new_fact", "new_judgment", "new_source", "new_topic",
    "reference_error", "slugify", "suggest_id",
]
