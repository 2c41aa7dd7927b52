"""Historical figures from a month,metric,value CSV: every rejection by its spreadsheet row, in
Indonesian and English; file-level refusals and --all-or-nothing leave the database as it was;
a re-import replaces values and the import is recorded (ImportBatch + AuditLog)."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db.models import AuditLog, ImportBatch, Office
from app.db.visit_models import MonthlyFigure
from app.figures.history_import import import_history_csv
from app.figures.history_rows import check_history_rows, read_count, read_month
from app.figures.metrics import HISTORY_METRICS
from app.problems import InputRejected

from tests.app import test_pure_rules

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "samples" / "figures-history.csv"
BAD_SAMPLE = ROOT / "resources" / "samples" / "figures-history-bad.csv"
OFFICE = "MUARAENIM"
TODAY = date(2024, 7, 4)  # the supervision visit

# Every kind of rejection in the bad sample: row as a spreadsheet shows it, English, Indonesian.
BAD_ROWS = [
    (3, "2023-13 is not a month: the month number must be 01–12.",
     "2023-13 bukan bulan: nomor bulan harus 01–12."),
    (4, "The month must be written YYYY-MM (for example 2023-01), not Jan-23. If Excel changed it, format the column as Text.",
     "Bulan harus ditulis TTTT-BB (misalnya 2023-01), bukan Jan-23. Jika Excel mengubahnya, format kolom tersebut sebagai Teks."),
    (5, "2203-01 is after the current month (2024-07).",
     "2203-01 melewati bulan berjalan (2024-07)."),
    (6, "0223-02 is before 1990-01: write the year with four digits (for example 2023-01).",
     "0223-02 sebelum 1990-01: tulis tahun dengan empat angka (misalnya 2023-01)."),
    (7, "The month is empty.", "Bulan kosong."),
    (8, "Unknown metric epaspor_applicant. Known metrics: passport_applicants, epaspor_applicants, "
        "ordinary_passport_applicants, walkin_applicants, booked_applicants, wna_services, tickets_issued.",
     "Metrik epaspor_applicant tidak dikenal. Metrik yang dikenal: passport_applicants, epaspor_applicants, "
     "ordinary_passport_applicants, walkin_applicants, booked_applicants, wna_services, tickets_issued."),
    (9, "The metric is empty.", "Metrik kosong."),
    (10, "The value -3 is negative; a count cannot be below 0.",
     "Nilai -3 negatif; jumlah tidak boleh kurang dari 0."),
    (11, "The value 12,5 is not a whole number; the figure is a count: write digits only (for example 1234).",
     "Nilai 12,5 bukan bilangan bulat; angka ini berupa jumlah: tulis angka saja (misalnya 1234)."),
    (12, "The value 1.234 has a thousands separator, which can be misread; write digits only (for example 1234).",
     "Nilai 1.234 memakai pemisah ribuan yang dapat salah dibaca; tulis angka saja (misalnya 1234)."),
    (13, "The value abc is not a number; write digits only (for example 1234).",
     "Nilai abc bukan angka; tulis angka saja (misalnya 1234)."),
    (14, "The value is empty.", "Nilai kosong."),
    (15, "2023-01 epaspor_applicants is already in row 2; each month and metric may appear only once.",
     "2023-01 epaspor_applicants sudah ada di baris 2; setiap bulan dan metrik hanya boleh muncul sekali."),
    (16, "4 columns, expected 3.", "Jumlah kolom 4, seharusnya 3."),
    (17, "The value 1234567890 is too large for a monthly count (at most 10000000).",
     "Nilai 1234567890 terlalu besar untuk jumlah satu bulan (paling banyak 10000000)."),
]  # fmt: skip


def _sample_values() -> dict[tuple[int, int, str], float]:
    with SAMPLE.open(encoding="utf-8", newline="") as fh:
        return {(int(r["month"][:4]), int(r["month"][5:]), r["metric"]): float(r["value"])
                for r in csv.DictReader(fh)}  # fmt: skip


def _figures(db, office: str = OFFICE) -> dict[tuple[int, int, str], tuple[float, str]]:
    with db.session() as s:
        rows = s.scalars(select(MonthlyFigure).where(MonthlyFigure.office_code == office))
        return {(f.year, f.month, f.metric): (f.value, f.source) for f in rows}


def _everything(db) -> dict[str, list[tuple]]:
    """Every row (every column) of the tables an import may touch."""
    out: dict[str, list[tuple]] = {}
    with db.session() as s:
        for model in (MonthlyFigure, ImportBatch, AuditLog):
            columns = list(model.__table__.columns)
            out[model.__tablename__] = sorted(
                (tuple(r) for r in s.execute(select(*columns))), key=repr
            )
    return out


def _csv(tmp_path: Path, body: str | bytes, name: str = "angka.csv") -> Path:
    path = tmp_path / name
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8", newline="")
    return path


def test_the_sample_stores_the_offices_2023_and_records_the_import(db):
    before = datetime.now().replace(microsecond=0)
    result = import_history_csv(db, OFFICE, SAMPLE, actor="petugas1", today=TODAY)
    assert (result.imported, result.rejected, result.replaced) == (84, [], 0)
    assert result.changes.figures and result.batch_id is not None
    expected = _sample_values()
    assert len(expected) == 84 and expected[(2023, 12, "epaspor_applicants")] == 104
    assert _figures(db) == {key: (value, "import") for key, value in expected.items()}
    with db.session() as s:
        batch = s.get(ImportBatch, result.batch_id)
        assert (batch.kind, batch.filename, batch.imported, batch.rejected) == (
            "figures_history", "figures-history.csv", 84, 0)  # fmt: skip
        assert len(batch.sha256) == 64 and batch.imported_at >= before
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "import_history_figures")).one()
    assert (audit.actor, audit.entity, audit.entity_id) == ("petugas1", "import_batch",
                                                            str(result.batch_id))  # fmt: skip
    assert audit.detail.startswith(
        "office=MUARAENIM file=figures-history.csv sha256="
    ) and audit.detail.endswith("months=2023-01..2023-12 imported=84 replaced=0 rejected=0")


def test_every_kind_of_rejection_names_its_row_in_indonesian_and_english(db):
    result = import_history_csv(db, OFFICE, BAD_SAMPLE, today=TODAY)
    assert [(r.row, r.reason("en"), r.reason("id")) for r in result.rejected] == BAD_ROWS
    assert result.imported == 2 and result.changes.figures
    assert _figures(db) == {(2023, 1, "epaspor_applicants"): (38.0, "import"),
                            (2023, 2, "epaspor_applicants"): (41.0, "import")}  # fmt: skip
    assert result.as_json("en") == {
        "imported": 2,
        "rejected": [{"row": row, "reason": en} for row, en, _id in BAD_ROWS],
    }
    with db.session() as s:
        batch = s.get(ImportBatch, result.batch_id)
        assert (batch.imported, batch.rejected) == (2, 15)


def test_a_comma_thousands_separator_in_a_comma_file_is_explained(db, tmp_path):
    path = _csv(tmp_path, "month,metric,value\n2023-01,epaspor_applicants,1,234\n"
                          "2023-02,epaspor_applicants,12,5\n2023-03,epaspor_applicants,12.5\n")  # fmt: skip
    result = import_history_csv(db, OFFICE, path, today=TODAY)
    assert [(r.row, r.column, r.reason("en")) for r in result.rejected] == [
        (2, "value", "4 columns, expected 3: the comma in the value splits it into two columns. "
                     "Write digits only (for example 1234)."),
        (3, "", "4 columns, expected 3."),
        (4, "value", "The value 12.5 is not a whole number; the figure is a count: write digits "
                     "only (for example 1234)."),
    ]  # fmt: skip
    assert result.imported == 0 and not result.changes and _figures(db) == {}


def test_semicolons_bom_crlf_header_order_and_excels_empty_rows_are_read_alike(db, tmp_path):
    import_history_csv(db, OFFICE, SAMPLE, today=TODAY)
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    variants = {
        "semicolon": "\n".join(ln.replace(",", ";") for ln in lines) + "\n",
        "bom-crlf": "\ufeff" + "\r\n".join(lines) + "\r\n",
        "excel-id": "\ufeff" + "\r\n".join(ln.replace(",", ";") + ";;" for ln in lines) + "\r\n;;;;\r\n",
        "order-case": "\n".join(",".join(reversed(ln.split(","))) for ln in ["Month,METRIC, Value "] + lines[1:]),
    }  # fmt: skip
    for n, (name, body) in enumerate(variants.items(), start=1):
        # One figure differs in each variant, so that its value proves the file was read.
        changed = body.replace(
            "2023-06;epaspor_applicants;61", f"2023-06;epaspor_applicants;{61 + n}"
        )
        changed = changed.replace(
            "2023-06,epaspor_applicants,61", f"2023-06,epaspor_applicants,{61 + n}"
        )
        changed = changed.replace(
            "61,epaspor_applicants,2023-06", f"{61 + n},epaspor_applicants,2023-06"
        )
        result = import_history_csv(db, OFFICE, _csv(tmp_path, changed, f"{name}.csv"), today=TODAY)
        assert (result.imported, result.rejected, result.replaced) == (84, [], 1), name
        assert _figures(db)[(2023, 6, "epaspor_applicants")] == (61.0 + n, "import"), name
    assert len(_figures(db)) == 84  # fmt: skip


@pytest.mark.parametrize(
    ("body", "key", "english", "indonesian"),
    [
        (None, "import.file_missing", "not found", "tidak ditemukan"),
        ("", "import.empty", "The file is empty.", "kosong"),
        ("\r\n\r\n", "import.empty", "The file is empty.", "kosong"),
        ("month,metric,value\r\n,,\r\n", "history.no_rows", "no data rows", "tidak ada baris data"),
        ("bulan,metrik,nilai\n2023-01,epaspor_applicants,38\n", "history.header",
         "must be month,metric,value", "harus month,metric,value"),
        ("month,metric\n2023-01,epaspor_applicants\n", "history.header",
         "it reads: month,metric.", "isinya: month,metric."),
        ("2023-01,epaspor_applicants,38\n2023-02,epaspor_applicants,41\n", "history.header_missing",
         "it begins with data (2023-01,epaspor_applicants,38)", "Tambahkan month,metric,value sebagai baris 1"),
        ("month,metric,value\n2023-01,epaspor_applicants,38\n".encode("utf-16"), "history.not_text",
         "is not a CSV text file", "bukan berkas teks CSV"),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", "history.workbook",
         "is an Excel workbook", "buku kerja Excel"),
        ("month,metric,value\n2023-01,épaspor,38\n".encode("cp1252"), "import.encoding",
         "not UTF-8", "UTF-8"),
        ('month,metric,value\n2023-01,epaspor_applicants,38\n2023-02,"epaspor_applicants,41\n2023-03,epaspor_applicants,35\n',
         "history.quote_open", 'Row 3 opens a quote (") that is never closed', "Baris 3 membuka tanda kutip"),
        ('month,metric,value\n2023-01,"epaspor_\napplicants",38\n', "history.line_break",
         "Row 2 has a line break inside a quoted cell", "Baris 2 memuat pindah baris"),
        ('month,metric,value\n2023-01,"epaspor"_applicants,38\n', "history.quote_inside",
         "Row 2 has text right after a closing quote", "Baris 2 memuat teks tepat sesudah tanda kutip penutup"),
    ],
    ids=["missing", "empty", "blank-lines", "header-only", "header-wrong", "header-short",
         "header-missing", "utf16", "xlsx", "cp1252", "open-quote", "line-break", "bad-quote"],
)  # fmt: skip
def test_a_file_level_problem_refuses_the_file_and_writes_nothing(
    db, tmp_path, body, key, english, indonesian
):
    import_history_csv(db, OFFICE, SAMPLE, today=TODAY)
    before = _everything(db)
    path = tmp_path / "hilang.csv" if body is None else _csv(tmp_path, body)
    with pytest.raises(InputRejected) as exc:
        import_history_csv(db, OFFICE, path, today=TODAY)
    assert [p.key for p in exc.value.problems] == [key]
    assert english in exc.value.message("en") and indonesian in exc.value.message("id")
    assert _everything(db) == before


def test_an_unknown_office_a_folder_and_an_oversized_file_are_refused(db, tmp_path):
    before = _everything(db)
    big = _csv(tmp_path, "month,metric,value\n" + "2023-01,epaspor_applicants,1\n" * 80_000)
    messages = {}
    for office, path, key in (("KANIMX", SAMPLE, "history.office_unknown"),
                              (OFFICE, tmp_path, "import.file_missing"),
                              (OFFICE, big, "history.too_large")):  # fmt: skip
        with pytest.raises(InputRejected) as exc:
            import_history_csv(db, office, path, today=TODAY)
        assert [p.key for p in exc.value.problems] == [key]
        messages[key] = (exc.value.message("id"), exc.value.message("en"))
    assert messages["history.office_unknown"] == (
        "Kantor KANIMX tidak ada di basis data ini.", "Office KANIMX is not in this database.")  # fmt: skip
    assert "at most 2097152" in messages["history.too_large"][1]
    assert _everything(db) == before


def test_all_or_nothing_with_a_rejected_row_leaves_the_database_exactly_as_it_was(db, tmp_path):
    import_history_csv(db, OFFICE, SAMPLE, today=TODAY)
    before = _everything(db)
    # Good rows that would change stored values, and one bad row at the very end.
    body = "month,metric,value\n2023-06,epaspor_applicants,70\n2024-01,epaspor_applicants,120\n2023-07,wna_services,-1\n"
    result = import_history_csv(db, OFFICE, _csv(tmp_path, body), all_or_nothing=True, today=TODAY)
    assert (result.imported, [r.row for r in result.rejected], result.batch_id) == (0, [4], None)
    assert not result.changes
    assert _everything(db) == before
    result = import_history_csv(db, OFFICE, BAD_SAMPLE, all_or_nothing=True, today=TODAY)
    assert result.imported == 0 and [r.row for r in result.rejected] == [
        row for row, *_ in BAD_ROWS
    ]
    assert _everything(db) == before  # fmt: skip


def test_all_or_nothing_with_a_clean_file_stores_every_row(db):
    result = import_history_csv(db, OFFICE, SAMPLE, all_or_nothing=True, today=TODAY)
    assert (result.imported, result.rejected) == (84, []) and len(_figures(db)) == 84


def test_a_reimport_replaces_values_for_the_office_only_and_records_before_and_after(db, tmp_path):
    with db.write() as s:
        s.add(Office(code="KANIMPLG", name="Kantor Imigrasi Kelas I TPI Palembang"))
        s.add(MonthlyFigure(office_code=OFFICE, year=2023, month=5, metric="wna_services",
                            value=99.0, source="office"))  # fmt: skip
    first = import_history_csv(db, OFFICE, SAMPLE, today=TODAY)
    assert first.replaced == 1  # the figure entered at the office gave way to the file's
    import_history_csv(db, "KANIMPLG", SAMPLE, today=TODAY)
    changed = SAMPLE.read_text(encoding="utf-8").replace(
        "2023-06,epaspor_applicants,61", "2023-06,epaspor_applicants,63"
    )
    result = import_history_csv(db, OFFICE, _csv(tmp_path, changed, "koreksi.csv"), today=TODAY)
    assert (result.imported, result.replaced, result.rejected) == (84, 1, [])
    figures = _figures(db)
    assert len(figures) == 84 and figures[(2023, 6, "epaspor_applicants")] == (63.0, "import")
    assert figures[(2023, 5, "wna_services")] == (12.0, "import")
    assert _figures(db, "KANIMPLG")[(2023, 6, "epaspor_applicants")] == (61.0, "import")
    with db.session() as s:
        details = s.scalars(select(AuditLog.detail).where(AuditLog.action == "import_history_figures")
                            .order_by(AuditLog.id)).all()  # fmt: skip
        batches = s.scalars(select(ImportBatch.filename).where(ImportBatch.kind == "figures_history")
                            .order_by(ImportBatch.id)).all()  # fmt: skip
    assert details[0].endswith("replaced=1 rejected=0 before->after: 2023-05 wna_services 99->12")
    assert details[1].startswith("office=KANIMPLG ")
    assert details[2].endswith("before->after: 2023-06 epaspor_applicants 61->63")
    assert batches == ["figures-history.csv", "figures-history.csv", "koreksi.csv"]


def test_the_current_month_is_accepted_and_the_next_one_is_not(db, tmp_path):
    body = "month,metric,value\n2024-07,epaspor_applicants,10\n2024-08,epaspor_applicants,11\n"
    result = import_history_csv(db, OFFICE, _csv(tmp_path, body), today=TODAY)
    assert result.imported == 1
    assert [(r.row, r.reason_key, r.column) for r in result.rejected] == [
        (3, "history.month_future", "month")
    ]
    assert _figures(db) == {(2024, 7, "epaspor_applicants"): (10.0, "import")}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1234", 1234), (" 0 ", 0), ("007", 7), ("10000000", 10_000_000),
     ("10000001", "history.value_large"), ("12.5", "history.value_decimal"),
     ("12,5", "history.value_decimal"), ("12.", "history.value_decimal"),
     ("12.0", "history.value_decimal"), ("-3", "history.value_negative"),
     ("−3", "history.value_negative"), ("1.234", "history.value_thousands"),
     ("1,234", "history.value_thousands"), ("1.234.567", "history.value_thousands"),
     ("1 234", "history.value_thousands"), ("1\u00a0234", "history.value_thousands"),
     ("abc", "history.value_not_number"), ("+5", "history.value_not_number"),
     ("1e3", "history.value_not_number"), ("١٢", "history.value_not_number"),
     ("", "history.value_empty"), ("   ", "history.value_empty")],
)  # fmt: skip
def test_a_value_is_a_whole_count_written_in_digits(value, expected):
    count = read_count(value)
    assert count == expected if isinstance(expected, int) else count.key == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023-01", (2023, 1)), (" 2024-07 ", (2024, 7)), ("2023-1", "history.month_format"),
     ("2023-01-01", "history.month_format"), ("01/2023", "history.month_format"),
     ("2023-00", "history.month_invalid"), ("2023-13", "history.month_invalid"),
     ("1989-12", "history.month_early"), ("2024-08", "history.month_future"),
     ("", "history.month_empty")],
)  # fmt: skip
def test_a_month_is_a_real_month_not_after_the_current_one(value, expected):
    month = read_month(value, TODAY)
    assert month == expected if isinstance(expected, tuple) else month.key == expected


def test_rows_are_numbered_as_a_spreadsheet_shows_them():
    """Blank lines above the header and between rows keep their numbers; a metric's case and
    spaces do not matter; a duplicate names the first row even when that row's value was bad."""
    records = [[""], ["month", "metric", "value"], ["2023-01", " EPASPOR_Applicants ", "x"],
               ["", "", ""], ["2023-01", "epaspor_applicants", "5"], ["2023-02", "wna_services", "3"]]  # fmt: skip
    rows = check_history_rows(records, ",", HISTORY_METRICS, TODAY)
    assert [(r.row, r.reason_key) for r in rows.rejected] == [
        (3, "history.value_not_number"),
        (5, "history.duplicate"),
    ]
    assert rows.rejected[1].params["row"] == 3
    assert [(ln.row, ln.month_label, ln.metric, ln.value) for ln in rows.lines] == [
        (6, "2023-02", "wna_services", 3)
    ]


def test_the_row_rules_module_is_pure():
    path = ROOT / "app" / "figures" / "history_rows.py"
    test_pure_rules.test_rules_module_imports_no_database_and_no_io(path)
