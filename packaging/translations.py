"""The gettext catalogue: extract the marked strings of app/ and ui/, update the Indonesian
.po (translations kept, strings no longer in the code dropped), compile the .mo.

    python packaging/translations.py          # extract + update + compile
    python packaging/translations.py --check  # exit 1 and list what is wrong, change nothing

--check refuses a source string without an Indonesian translation (or a fuzzy one), a
translation whose {placeholders}, %-conversions or &accelerators differ from the
source, a translation holding markup-entity debris ("amp;", "&lt;"), and a .mo that
is not the compiled .po.
"""

from __future__ import annotations

import io
import re
import sys
from collections import Counter
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = "kanimdesk"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGS = ["id"]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
SOURCES = ["app", "ui"]


def po_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    """Every marked string of app/ and ui/ with where it stands."""
    template = Catalog(domain=DOMAIN, project="KanimDesk", charset="utf-8")
    for source in SOURCES:
        found = extract_from_dir(ROOT / source, method_map=[("**.py", "python")], keywords=KEYWORDS,
                                 comment_tags=("Translators:",), strip_comment_tags=True)  # fmt: skip
        for filename, lineno, message, comments, context in found:
            template.add(message, locations=[(f"{source}/{filename}", lineno)],
                         auto_comments=comments, context=context)  # fmt: skip
    return template


def read_catalogue(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, project="KanimDesk", charset="utf-8")
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def compiled(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalogue)
    return out.getvalue()


def write_catalogue(lang: str, catalogue: Catalog) -> None:
    path = po_path(lang)
    catalogue.fuzzy = False  # the header: a fuzzy header would leave Plural-Forms out of the .mo
    catalogue.project, catalogue.copyright_holder = "KanimDesk", "KanimDesk"
    catalogue.last_translator = catalogue.language_team = "KanimDesk <kanimdesk@localhost>"
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, catalogue, width=100, omit_header=False, sort_output=True, include_previous=False)
    path.write_bytes(buf.getvalue())
    with path.open("rb") as fh:  # compile what was written, so the check compares like with like
        path.with_suffix(".mo").write_bytes(compiled(read_po(fh, locale=lang, domain=DOMAIN)))


def update(lang: str) -> Catalog:
    catalogue = read_catalogue(lang)
    created = catalogue.creation_date
    catalogue.update(extract(), no_fuzzy_matching=True)
    catalogue.creation_date = created  # the header changes only when a translation does
    catalogue.obsolete.clear()
    write_catalogue(lang, catalogue)
    return catalogue


_BRACES = re.compile(r"\{[^{}]*\}")
_PERCENT = re.compile(r"%(?:\([A-Za-z_]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")
_ACCEL = re.compile(r"(?<!&)&(?=[^&\s])")
_DEBRIS = re.compile(r"amp;|&lt;|&gt;|&quot;|&apos;|&#\d+;")


def _shape(text: str) -> tuple[Counter, Counter, int]:
    return (
        Counter(_BRACES.findall(text)),
        Counter(_PERCENT.findall(text)),
        len(_ACCEL.findall(text)),
    )


def translation_faults(source: str | tuple[str, ...], translated: str) -> list[str]:
    """Why *translated* cannot stand for *source* (one form, or the forms of a plural); empty if it can."""
    sources = [source] if isinstance(source, str) else list(source)
    faults = []
    if _DEBRIS.search(translated) and not any(_DEBRIS.search(s) for s in sources):
        faults.append("markup debris")
    if all(_shape(translated) != _shape(s) for s in sources):
        faults.append("placeholders or accelerators differ")
    return faults


def problems(lang: str) -> list[str]:
    """What is wrong with the *lang* catalogue against the code; empty when sound."""
    found: list[str] = []
    catalogue = read_catalogue(lang)
    for message in extract():
        if not message.id:
            continue
        have = catalogue.get(message.id)
        where = ", ".join(f"{f}:{n}" for f, n in message.locations[:2])
        source = message.id if isinstance(message.id, str) else message.id[0]
        if (
            have is None
            or have.fuzzy
            or not (have.string if isinstance(have.string, str) else all(have.string))
        ):
            found.append(f"untranslated ({where}): {source!r}")
            continue
        strings = [have.string] if isinstance(have.string, str) else list(have.string)
        for translated in strings:
            for fault in translation_faults(message.id, translated):
                found.append(f"{fault} ({where}): {source!r} -> {translated!r}")
    mo = po_path(lang).with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != compiled(catalogue):
        found.append(
            f"{mo.relative_to(ROOT)} is not the compiled .po: run python packaging/translations.py"
        )
    return found


def main(argv: list[str]) -> int:
    if "--check" in argv:
        bad = [f"{lang}: {p}" for lang in LANGS for p in problems(lang)]
        print("\n".join(bad) if bad else "catalogue sound")
        return 1 if bad else 0
    for lang in LANGS:
        catalogue = update(lang)
        print(f"{po_path(lang).relative_to(ROOT)}: {len(catalogue)} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
