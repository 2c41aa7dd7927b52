"""What a service changed, as a small value (Anki's OpChanges): the window re-emits it, and each
page decides from it whether to reload — no page guesses from a free-form area name."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    """Which kinds of record a service wrote; combine two with ``|``."""

    tickets: bool = False
    applicants: bool = False
    applications: bool = False
    appointments: bool = False
    visits: bool = False
    findings: bool = False
    photos: bool = False
    templates: bool = False
    figures: bool = False
    activities: bool = False  # publicity and socialisation activities
    office: bool = False  # the office profile, services and tariffs in the database
    settings: bool = False  # this workstation's settings file (counter, printer, language)
    users: bool = False  # accounts and roles

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def names(self) -> list[str]:
        return [f.name for f in fields(self) if getattr(self, f.name)]


NOTHING = Changes()


def changes_of(result: object) -> Changes:
    """The Changes a service result carries: itself, its ``changes`` attribute, or nothing."""
    if isinstance(result, Changes):
        return result
    found = getattr(result, "changes", None)
    if isinstance(found, Changes):
        return found
    if isinstance(result, tuple):
        out = NOTHING
        for part in result:
            out = out | changes_of(part)
        return out
    return NOTHING
