"""A reason a value was refused or flagged, carried as a message key plus parameters."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from app.i18n import text


@dataclass(frozen=True)
class Problem:
    key: str
    field: str = ""
    params: dict[str, object] = dataclasses.field(default_factory=dict, hash=False, compare=False)

    def message(self, lang: str = "id") -> str:
        return text(self.key, lang, **self.params)


class InputRejected(ValueError):
    """Input that cannot be saved; `problems` says which field and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.message("id") for p in problems))

    def by_field(self, lang: str = "id") -> dict[str, str]:
        out: dict[str, str] = {}
        for p in self.problems:
            out.setdefault(p.field, p.message(lang))
        return out

    def message(self, lang: str = "id") -> str:
        return "\n".join(p.message(lang) for p in self.problems)
