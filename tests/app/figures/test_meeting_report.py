"""meeting_report(): the statistics, activities and open findings of a period on a real database;
the Done-when check of issue 9 on demo data, read back from the PDF with pdftotext."""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime

import pytest

from app.db.models import Office
from app.demo.generator import generate_demo
from app.figures.activities import add_activity
from app.figures.activity_rules import ActivityDraft
from app.figures.meeting.builder import meeting_report, open_findings
from app.figures.meeting.pdf import render_meeting_pdf
from app.figures.statistics_model import Period
from app.monev import visits as V
from app.monev.findings import FindingDraft, add_finding
from app.problems import InputRejected
from app.progress import Cancelled

APRIL_JUNE = Period.months((2024, 4), (2024, 6))


@pytest.fixture
def demo_db(sqlite_db, settings):
    generate_demo(sqlite_db, settings, applicants=300, seed=7)
    return sqlite_db


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "meeting.pdf"
    path.write_bytes(pdf)
    run = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return run.stdout


def test_april_june_2024_on_demo_data_reads_back_from_the_pdf(demo_db, settings, tmp_path):
    report = meeting_report(
        demo_db, settings.office.code, APRIL_JUNE, lang="id", now=datetime(2024, 7, 8, 9)
    )
    assert [b.epaspor for b in report.statistics.buckets] == [126, 186, 294]
    text = _pdf_text(render_meeting_pdf(report), tmp_path)
    month_rows: dict[str, str] = {}  # the monthly table's row of each month (a month, then numbers)
    for line in text.splitlines():
        if re.match(r"\s*(Apr|Mei|Jun) 2024\s+\d", line):
            month_rows.setdefault(" ".join(line.split()[:2]), line)
    assert "126" in month_rows["Apr 2024"].split()
    assert "186" in month_rows["Mei 2024"].split() and "+47,6%" in month_rows["Mei 2024"].split()
    assert "294" in month_rows["Jun 2024"].split() and "+58,1%" in month_rows["Jun 2024"].split()
    assert "April – Juni 2024" in text
    assert "Senin, 8 Juli 2024" in text
    assert "Halaman 1 dari " in text


def test_the_report_is_in_the_language_asked_and_else_the_active_one(demo_db, settings, tmp_path):
    from app.i18n import set_language

    english = meeting_report(demo_db, settings.office.code, APRIL_JUNE, lang="en")
    assert english.lang == "en"
    text = _pdf_text(render_meeting_pdf(english), tmp_path)
    assert (
        "+47.6%" in text
        and "+58.1%" in text
        and "April – June 2024" in text
        and "Page 1 of" in text
    )
    set_language("en")
    assert meeting_report(demo_db, settings.office.code, APRIL_JUNE).lang == "en"


def test_only_the_activities_of_the_period_oldest_first(sqlite_db, settings):
    office = settings.office.code
    for day, title in [(date(2024, 3, 31), "Maret"), (date(2024, 6, 30), "Juni"), (date(2024, 4, 1), "April"),
                       (date(2024, 7, 1), "Juli")]:  # fmt: skip
        add_activity(sqlite_db, ActivityDraft(office, day, "radio", title, audience=100))
    with sqlite_db.write() as s:
        s.add(Office(code="LAIN", name="Kantor Imigrasi Lain"))
    add_activity(sqlite_db, ActivityDraft("LAIN", date(2024, 5, 2), "radio", "Kantor lain"))
    report = meeting_report(sqlite_db, office, APRIL_JUNE)
    assert [a.title for a in report.activities] == ["April", "Juni"]


def _visit(db, office, day, name="Kanim"):
    return V.create_visit(db, V.VisitDraft(office, name, day))


def test_open_findings_are_the_office_s_not_done_ones_each_once(db, settings):
    office = settings.office.code
    first = _visit(db, office, date(2024, 1, 10))
    add_finding(db, first.id, FindingDraft("Papan tarif belum diperbarui", "Perbarui", "tinggi", "Kasubsi",
                                           date(2024, 2, 1)))  # fmt: skip
    add_finding(db, first.id, FindingDraft("Sudah beres", status="selesai"))
    add_finding(db, first.id, FindingDraft("Sedang dikerjakan", status="dalam_proses"))
    add_finding(db, first.id, FindingDraft("Diverifikasi", status="diverifikasi"))
    other = _visit(db, "PALEMBANG", date(2024, 1, 12), "Kanim Palembang")
    add_finding(db, other.id, FindingDraft("Kantor lain"))
    # The July visit carries the two open ones forward: each is listed once, as its newest copy.
    july = _visit(db, office, date(2024, 7, 4))
    add_finding(db, july.id, FindingDraft("Publikasi belum rutin", priority="sedang"))
    found = open_findings(db, office)
    assert sorted(f.text for f in found) == ["Papan tarif belum diperbarui", "Publikasi belum rutin",
                                             "Sedang dikerjakan"]  # fmt: skip
    assert {f.visit_date for f in found} == {date(2024, 7, 4)}
    tarif = next(f for f in found if f.text.startswith("Papan"))
    assert (tarif.direction, tarif.priority, tarif.owner, tarif.due_date, tarif.status) == (
        "Perbarui", "tinggi", "Kasubsi", date(2024, 2, 1), "terbuka")  # fmt: skip
    report = meeting_report(db, office, APRIL_JUNE)
    assert report.open_findings == found


def test_progress_runs_to_the_end_and_cancel_stops_it(sqlite_db, settings):
    seen: list[tuple[int, int]] = []
    meeting_report(
        sqlite_db, settings.office.code, APRIL_JUNE, progress=lambda d, t: seen.append((d, t))
    )
    assert seen[0] == (0, 100) and seen[-1] == (100, 100)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    with pytest.raises(Cancelled):
        meeting_report(sqlite_db, settings.office.code, APRIL_JUNE, cancelled=lambda: True)


def test_an_unknown_office_is_refused(sqlite_db):
    with pytest.raises(InputRejected):
        meeting_report(sqlite_db, "NOWHERE", APRIL_JUNE)
