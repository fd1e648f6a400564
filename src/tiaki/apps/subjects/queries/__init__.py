"""Reading persons, their links, places and triage, narrowed to what the actor may see.

The rules defined here and nowhere else: ``placed()`` (a person with a country and no review pending,
from ``core/scope.py``), ``current()`` (the assessment by the model the operation runs with now,
chosen by an explicit flag), and how a person or an account is found from what an investigator types."""

from __future__ import annotations

from tiaki.apps.subjects.queries.files import (
    EventRow,
    PersonFile,
    holder,
    person_file,
    person_link,
)
from tiaki.apps.subjects.queries.lists import (
    SCORE_BANDS,
    PersonFilter,
    RankedPersons,
    held_back_link,
    held_back_links,
    persons_per_country,
    review_queue,
    score_counts,
    search,
    triage_list,
    workload,
)
from tiaki.apps.subjects.queries.persons import (
    PersonRecord,
    assessments,
    current,
    find_account,
    find_person,
    person_record,
    persons,
    persons_export_rows,
    placed,
)

__all__ = [
    "SCORE_BANDS",
    "EventRow",
    "PersonFile",
    "PersonFilter",
    "PersonRecord",
    "RankedPersons",
    "assessments",
    "current",
    "find_account",
    "find_person",
    "held_back_link",
    "held_back_links",
    "holder",
    "person_file",
    "person_link",
    "person_record",
    "persons",
    "persons_export_rows",
    "persons_per_country",
    "placed",
    "review_queue",
    "score_counts",
    "search",
    "triage_list",
    "workload",
]
