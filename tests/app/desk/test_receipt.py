"""The applicant's receipt (tanda terima): what it says before and after payment, in both languages,
with the NIK masked and a QR code that a scanner reads back as the application number."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date, datetime

import pytest
from PIL import Image
from sqlalchemy import select

from app.db.models import AuditLog
from app.desk.application_steps import advance
from app.desk.documents import document_label
from app.desk.masking import mask_nik
from app.desk.receipt import render_receipt, write_receipt
from app.desk.receipt_data import PRINTED, SAVED, receipt_data, record_receipt
from app.desk.registration import register
from app.desk.registration_data import RegistrationForm
from app.desk.stages import STAGE_LABELS, format_application_number
from app.i18n import label
from app.problems import InputRejected

from tests.pii import assert_no_personal_data

NIK = "1603015507900001"
MASKED = "1603••••••••0001"
REGISTERED = datetime(2024, 7, 2, 9, 30)  # a Tuesday
PAID = datetime(2024, 7, 2, 10, 0)
BILLING = "820240702123456"
A5_PT = (419.53, 595.28)


def pdf_text(pdf: bytes, tmp_path, layout: bool = True) -> str:
    """The words of *pdf*; *layout* False reads two-column lists column by column."""
    path = tmp_path / "receipt.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    # Wrapped lines and column spaces are layout, not content.
    return " ".join(out.stdout.split())


def pdf_info(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def register_siti(db, settings, **documents: bool) -> int:
    form = RegistrationForm(
        nik=NIK,
        name="Siti Aminah",
        birth_place="Muara Enim",
        birth_date=date(1990, 7, 15),
        sex="P",
        documents=documents or {"ektp": True, "kk": True, "civil_status": True},
    )
    return register(db, settings, form, officer="budi", now=REGISTERED).application_id


def pay(db, settings, app_id: int) -> None:
    advance(db, settings, app_id, "wawancara", officer="budi", now=REGISTERED)
    advance(db, settings, app_id, "pembayaran", officer="budi", paid_amount=650_000,
            billing_code=BILLING, now=PAID)  # fmt: skip


def test_mask_nik_keeps_regency_and_serial_only():
    assert mask_nik(NIK) == MASKED
    assert mask_nik(" 1603 0155 0790 0001 ") == MASKED
    assert mask_nik("12345678") == "••••••••"
    assert mask_nik(None) == mask_nik("") == ""


def test_unpaid_receipt_says_who_what_and_how_much(db, settings, tmp_path):
    app_id = register_siti(db, settings)
    number = format_application_number(app_id)
    pdf = render_receipt(db, settings, app_id, officer="budi", now=datetime(2024, 7, 2, 9, 41))
    text = pdf_text(pdf, tmp_path)
    assert "TANDA TERIMA PERMOHONAN PASPOR" in text
    assert settings.office.name.upper() in text
    assert settings.office.address in text
    assert f"Jam layanan: {settings.office.hours}" in text
    assert number in text and number == f"PMH-{app_id:07d}"
    assert "SITI AMINAH" in text
    assert MASKED in text
    assert "Baru" in text and "e-Paspor 48 halaman" in text and "10 tahun" in text
    assert "Rp650.000" in text and "Total biaya" in text
    assert "belum dibayar" in text
    assert "Tanggal pengambilan paspor ditentukan setelah pembayaran" in text
    assert label(STAGE_LABELS, "berkas", "id") in text
    for code in ("ektp", "kk", "civil_status"):
        assert f"☑ {document_label(code, 'id')}" in text
    # The name-change decree was not handed in: listed as still to come, not as received.
    assert f"Belum diserahkan: {document_label('name_change', 'id')}" in text
    assert "Dicetak 2 Jul 2024 09.41 oleh budi" in text


def test_full_nik_is_nowhere_in_the_pdf(db, settings, tmp_path):
    app_id = register_siti(db, settings)
    pay(db, settings, app_id)
    pdf = render_receipt(db, settings, app_id)
    text = pdf_text(pdf, tmp_path)
    assert NIK not in text and NIK not in pdf_info(pdf, tmp_path)
    assert_no_personal_data(text)
    # Nor in the PDF's bytes (title, subject, any uncompressed stream).
    assert NIK.encode() not in pdf


def test_paid_receipt_gives_billing_code_and_collection_date(db, settings, tmp_path):
    app_id = register_siti(db, settings)
    pay(db, settings, app_id)
    text = pdf_text(render_receipt(db, settings, app_id, "id"), tmp_path)
    assert f"Dibayar · Kode billing {BILLING} Rp650.000" in text
    # Paid on Tuesday 2 July 2024: four working days later is the Monday.
    assert "Tanggal pengambilan paspor Senin, 8 Juli 2024" in text
    assert label(STAGE_LABELS, "pembayaran", "id") in text
    assert "belum dibayar" not in text and "ditentukan setelah pembayaran" not in text


def test_english_on_request(db, settings, tmp_path):
    app_id = register_siti(db, settings)
    pay(db, settings, app_id)
    text = pdf_text(render_receipt(db, settings, app_id, "en", officer="budi"), tmp_path)
    assert "PASSPORT APPLICATION RECEIPT" in text
    assert "Passport collection date Monday, 8 July 2024" in text
    assert f"Paid · Billing code {BILLING} Rp650.000" in text
    assert "Application kind New" in text and "10 years" in text
    assert "☑ e-KTP (identity card)" in text
    assert "TANDA TERIMA" not in text


def test_one_a5_portrait_page_even_for_a_long_checklist(db, settings, tmp_path):
    # A minor's lost passport for Umrah, same-day: the longest checklist and fee a desk sees.
    from app.desk.documents import required_documents

    birth = date(2015, 7, 15)
    codes = required_documents("hilang", birth, REGISTERED.date(), False, "umrah")
    form = RegistrationForm(nik="1603015507150001", name="Putri Ayu Lestari Ramadhani",
                            birth_date=birth, sex="P", kind="hilang", product="biasa",
                            validity_years=5, purpose="umrah", same_day=True,
                            documents={code: True for code in codes})  # fmt: skip
    app_id = register(db, settings, form, officer="budi", now=REGISTERED).application_id
    pdf = render_receipt(db, settings, app_id, "id")
    info = pdf_info(pdf, tmp_path)
    assert re.search(r"Pages:\s+1\n", info), info
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size and (float(size[1]), float(size[2])) == pytest.approx(A5_PT, abs=0.5)
    text = pdf_text(pdf, tmp_path, layout=False)
    for code in codes:
        assert f"☑ {document_label(code, 'id')}" in text
    assert "Rp2.350.000" in text


def test_qr_code_scans_back_as_the_application_number(db, settings, tmp_path):
    if shutil.which("zbarimg") is None:
        if os.environ.get("CI"):
            pytest.fail(
                "zbarimg is missing: packaging/system-packages.sh --test installs zbar-tools"
            )
        pytest.skip("zbar-tools is not installed")
    app_id = register_siti(db, settings)
    (tmp_path / "receipt.pdf").write_bytes(render_receipt(db, settings, app_id))
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-singlefile", str(tmp_path / "receipt.pdf"),
                    str(tmp_path / "receipt")], check=True)  # fmt: skip
    png = tmp_path / "receipt.png"
    scanned = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True, check=True
    )
    assert scanned.stdout.strip() == format_application_number(app_id)
    # Only the QR modules are pure black (text is the reports' ink): their extent is the symbol.
    image = Image.open(png).convert("L")
    box = image.point(lambda v: 255 if v == 0 else 0).getbbox()
    assert box is not None
    width_mm = (box[2] - box[0]) / 200 * 25.4
    assert width_mm >= 25, f"the QR symbol is {width_mm:.1f} mm wide"


def test_unknown_application_is_a_clear_refusal(db, settings):
    with pytest.raises(InputRejected) as refused:
        render_receipt(db, settings, 999_999)
    assert [p.key for p in refused.value.problems] == ["application.not_found"]
    assert "PMH-0999999" in refused.value.message("id")


def test_data_carries_codes_and_the_printing_officer(db, settings):
    app_id = register_siti(db, settings)
    data = receipt_data(db, settings, app_id, officer="rina")
    assert data.officer == "rina" and data.masked_nik == MASKED
    assert [(f.component, f.amount) for f in data.fees] == [("passport", 650_000)]
    assert not data.paid and data.collection_date is None
    # Without an officer the one who registered it is named.
    assert receipt_data(db, settings, app_id).officer == "budi"


def test_printing_and_saving_are_audited(db, settings, tmp_path):
    app_id = register_siti(db, settings)
    record_receipt(db, app_id, PRINTED, "rina", now=datetime(2024, 7, 2, 9, 45))
    out = write_receipt(db, settings, app_id, tmp_path / "sub" / "r.pdf", officer="rina")
    assert out.read_bytes().startswith(b"%PDF")
    with db.session() as s:
        rows = s.execute(
            select(AuditLog.action, AuditLog.actor, AuditLog.entity_id, AuditLog.detail)
            .where(AuditLog.action.like("receipt_%"))
            .order_by(AuditLog.id)
        ).all()
    number = format_application_number(app_id)
    assert [tuple(r) for r in rows] == [
        (PRINTED, "rina", str(app_id), number),
        (SAVED, "rina", str(app_id), number),
    ]
    with pytest.raises(InputRejected):
        record_receipt(db, 999_999, PRINTED, "rina")
