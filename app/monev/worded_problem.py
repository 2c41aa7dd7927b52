"""A refusal whose parameters include words of the program ("a date", "Yes / No"), translated with it.

A plain Problem fills its message with its parameters as they are; a parameter that is
itself an English source (an answer set's name, the kind of value expected) has to be
translated in the message's language, which is only known when the message is asked for.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from app.i18n import _, text
from app.problems import Problem


@dataclass(frozen=True)
class WordedProblem(Problem):
    """A Problem whose *words* (parameter → English source) are translated with its message."""

    words: dict[str, str] = dataclasses.field(default_factory=dict, hash=False, compare=False)

    def message(self, lang: str | None = None) -> str:
        return text(self.key, lang, **self.params, **{k: _(v, lang) for k, v in self.words.items()})
