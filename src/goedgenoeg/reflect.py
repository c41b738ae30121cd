"""What the commands call to run a reflection, each from the module that does it: the walk
(reflection.py), signals, the privacy review, an answers file, a meeting, a follow-up and the
record's file. None of them holds terminal code of its own."""

from __future__ import annotations

from .answers_file import fill_from_file
from .followup import drop_done_steps, start_followup
from .interactive import interactive_allowed
from .meeting import PreparedError, bring_in_prepared, team_session
from .privacy_review import known_names, privacy_findings
from .record_file import write_record
from .reflection import NotSaved, Reflection, walk_session
from .signals import Interrupted, handle_signals

__all__ = [
    "Interrupted",
    "NotSaved",
    "PreparedError",
    "Reflection",
    "bring_in_prepared",
    "drop_done_steps",
    "fill_from_file",
    "handle_signals",
    "interactive_allowed",
    "known_names",
    "privacy_findings",
    "start_followup",
    "team_session",
    "walk_session",
    "write_record",
]
