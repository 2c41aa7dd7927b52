"""Every output the program produces, scanned for personal data: no 16-digit number (a NIK)
anywhere, and no applicant's name except where it belongs (the applicant's own receipt and the
staff's application search and detail).

One office day is made through the services — registrations with known names and NIKs, a
collection, a foreign national, tickets called, a supervision visit — then every command is
run and every file it writes is read back (PDFs through pdftotext, workbooks through openpyxl),
with the log files, the waiting-room display and the audit export.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from app.desk.application_steps import advance
from app.desk.foreigners import ForeignerForm, register_foreigner
from app.desk.nik import make_nik
from app.desk.registration import register
from app.monev.visit_identity import create_visit
from app.queue.tickets import act, call_next

from tests.app.cli.test_application_cli import cli
from tests.app.desk.walk_ins import walk_in
from tests.app.monev.test_visits import draft as visit_draft
from tests.pii import assert_no_personal_data as _strict

# Long digit runs that are not NIKs: the visit team's NIPs (18-digit staff numbers, printed on
# the visit report by design), the decimals of a share in a workbook (0.6666666666666666), and
# SHA-256 digests (visit packages' content hashes), whose 64 hex characters hold a run of 16
# digits now and then — a scan that fails one run in a few dozen by chance.
_NOT_NIK = re.compile(r"197001011990031001|198505052010122002|\d+\.\d+|\b[0-9a-f]{64}\b")


def assert_no_personal_data(text: str, names=()) -> None:  # type: ignore[no-untyped-def]
    _strict(_NOT_NIK.sub("·", text), names=names)


TODAY = datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
NAMES = ["SITI AMINAH", "BUDI HARTONO", "RATNA SARI DEWI"]
FOREIGNER = "TAN AH KOW"
# Outputs where an applicant's own name belongs (never the whole NIK).
NAMED = {"receipt", "application find", "application show"}


def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:  # every sheet, string and chart the workbook holds
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                             if n.endswith(".xml"))  # fmt: skip
    if path.suffix == ".kanimvisit" or zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                             if not n.lower().endswith((".jpg", ".jpeg", ".png")))  # fmt: skip
    return path.read_bytes().decode("utf-8", "replace")


@pytest.fixture
def office_day(sqlite_db, settings):
    """A day at the counter, made by the services."""
    apps = []
    for i, name in enumerate(NAMES):
        form = walk_in(i, name=name, phone=f"08127700{i:04d}", birth_place="Muara Enim")
        apps.append(register(sqlite_db, settings, form, officer="loket1", counter="1",
                             now=TODAY).application_id)  # fmt: skip
    for to, extra in (("wawancara", {}), ("pembayaran", {"paid_amount": 650000,
                      "billing_code": "820261202000001"})):  # fmt: skip
        advance(sqlite_db, settings, apps[0], to, officer="loket1", now=TODAY, **extra)
    register_foreigner(sqlite_db, settings, ForeignerForm(
        passport_no="A1234567", nationality="MYS", name=FOREIGNER, birth_date=date(1980, 1, 1),
        sex="L", kind="itas_perpanjangan"), officer="loket1", now=TODAY)  # fmt: skip
    called = call_next(sqlite_db, settings.office.code, "1", day=TODAY.date())
    assert called is not None
    act(sqlite_db, called.id, "finish")
    visit = create_visit(sqlite_db, visit_draft(day=TODAY.date()))
    return apps, visit.id


def test_no_output_shows_personal_data_where_it_does_not_belong(office_day, sqlite_db, capsys,
                                                                 tmp_path, settings):  # fmt: skip
    apps, visit_id = office_day
    number = f"PMH-{apps[0]:07d}"
    month = f"{TODAY:%Y-%m}"
    out = tmp_path / "out"
    out.mkdir()
    niks = [make_nik("16", "03", "01", walk_in(i).birth_date, walk_in(i).sex, i + 1)
            for i in range(len(NAMES))]  # fmt: skip
    commands: dict[str, list[str]] = {
        "check": ["check", "--json"],
        "ticket issue": ["ticket", "issue", "--service", "A", "--json"],
        "slip": ["slip", "A-001", "--out", str(out / "slip.pdf")],
        "queue status": ["queue", "status", "--json"],
        "queue call-next": ["queue", "call-next", "--counter", "2", "--json"],
        "application find": ["application", "find", "SITI", "--json"],
        "application show": ["application", "show", number, "--json"],
        "application overdue": ["application", "overdue"],
        "receipt": ["receipt", number, "--out", str(out / "receipt.pdf")],
        "closure list": ["closure", "list", "--json"],
        "collection-date": ["collection-date", TODAY.date().isoformat()],
        "visit list": ["visit", "list", "--json"],
        "visit report": ["visit", "report", str(visit_id), "--out", str(out / "visit.pdf")],
        "visit export": ["visit", "export", str(visit_id), "--out", str(out / "v.kanimvisit")],
        "template export": ["template", "export", str(out / "template.yaml")],
        "figures export": ["figures", "export", "--from", month, "--to", month, "--out",
                           str(out / "figures.json")],
        "report monthly pdf": ["report", "monthly", month, "--out", str(out / "meeting.pdf")],
        "report monthly xlsx": ["report", "monthly", month, "--out", str(out / "meeting.xlsx")],
        "report monthly csv": ["report", "monthly", month, "--out", str(out / "meeting.csv")],
        "activity list": ["activity", "list", "--json"],
        "user list": ["user", "list", "--json"],
        "audit list": ["audit", "list", "--json"],
        "audit csv": ["audit", "list", "--csv", str(out / "audit.csv")],
        "backup": ["backup", "--json"],
        "purge": ["purge", "--older-than", "1", "--dry-run"],
    }  # fmt: skip
    names = [*NAMES, FOREIGNER]
    for key, args in commands.items():
        code, stdout, stderr = cli(capsys, sqlite_db.url, *args)
        assert code in (0, 4), f"{key}: {stderr}"
        if key in NAMED:
            assert_no_personal_data(stdout + stderr)
            if key != "receipt":  # the staff's search: the name is what they look for
                assert "SITI" in stdout
        else:
            assert_no_personal_data(stdout + stderr, names=names)
    for path in sorted(out.iterdir()):
        text = _text(path)
        assert text.strip(), f"{path.name} is empty"
        if path.name == "receipt.pdf":
            assert_no_personal_data(text)
            assert NAMES[0] in text and "1603" in text  # the masked NIK, the applicant's name
        else:
            assert_no_personal_data(text, names=names)
        for nik in niks:
            assert nik not in text
    logs = [p for p in (tmp_path / "logs").rglob("*") if p.is_file()]
    for log in logs:
        assert_no_personal_data(log.read_text(encoding="utf-8", errors="replace"), names=names)


def test_the_waiting_room_display_shows_numbers_only(office_day, qtbot, sqlite_db, settings):
    from PySide6.QtWidgets import QLabel

    from ui.context import DeskContext
    from ui.queue.display_window import QueueDisplayWindow
    from ui.workers import TaskRunner

    ctx = DeskContext(sqlite_db, settings, runner=TaskRunner(synchronous=True))
    display = QueueDisplayWindow(ctx, sink=None)
    qtbot.addWidget(display)
    display.show()
    display.refresh()
    shown = "\n".join(label.text() for label in display.findChildren(QLabel))
    assert "A-001" in shown
    assert_no_personal_data(shown, names=[*NAMES, FOREIGNER])
