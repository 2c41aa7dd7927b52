"""`kanimdesk visit list|report` and `template export|import`: parser, handlers on a real database, exit codes."""

import argparse
import json
import subprocess
from datetime import date

import pytest

from app.cli.visits import add_template_commands, add_visit_commands
from app.monev import visits as V
from app.monev.templates import latest_template
from app.problems import InputRejected


def _parser():
    p = argparse.ArgumentParser(prog="kanimdesk")
    p.add_argument("--lang", choices=["id", "en"])
    sub = p.add_subparsers(dest="command")
    _vp, visit_sub, visit_handlers = add_visit_commands(sub)
    _tp, _template_sub, template_handlers = add_template_commands(sub)
    return p, visit_sub, visit_handlers, template_handlers


def run(db, settings, *argv):
    """Parse like `kanimdesk …` and call the handler the way app.cli.entry dispatches it."""
    parser, _sub, visit_handlers, template_handlers = _parser()
    args = parser.parse_args(argv)
    lang = args.lang or settings.language
    handlers = visit_handlers if args.command == "visit" else template_handlers
    verb = args.visit_command if args.command == "visit" else args.template_command
    assert args.handler is handlers[verb]
    return args.handler(args, settings, lang, db)


def _visit(db, settings, day=date(2024, 7, 4)):
    v = V.create_visit(db, V.VisitDraft(
        settings.office.code, settings.office.name, day, team=[V.TeamMember("Drs. Ahmad Fauzi", role="ketua")]))  # fmt: skip
    items = {i.code: i for _, i in V.visit_detail(db, v.id).template.items()}
    V.save_answer(db, v.id, items["SP.01"].id, answer="ya")
    V.save_answer(db, v.id, items["SP.02"].id, answer="tidak")
    return v


def test_visit_list_json_has_the_promised_fields(db, settings, capsys):
    assert run(db, settings, "visit", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    first = _visit(db, settings)
    empty = V.create_visit(
        db, V.VisitDraft("PALEMBANG", "Kanim Palembang", date(2024, 8, 1), date(2024, 8, 2))
    )
    V.finalize_visit(db, first.id)
    assert run(db, settings, "visit", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [empty.id, first.id]  # newest first
    newest, older = rows
    assert newest["office"] == {"code": "PALEMBANG", "name": "Kanim Palembang"}
    assert (newest["start_date"], newest["end_date"], newest["status"]) == (
        "2024-08-01",
        "2024-08-02",
        "draft",
    )
    assert newest["total_score"] is None
    assert (
        older["uuid"] == first.uuid and older["status"] == "final" and older["total_score"] == 50.0
    )
    assert {"template_version", "updated_at", "conflict_of"} <= set(older)


def test_visit_list_as_text(sqlite_db, settings, capsys):
    run(sqlite_db, settings, "visit", "list")
    assert "Belum ada kunjungan" in capsys.readouterr().out
    v = _visit(sqlite_db, settings)
    run(sqlite_db, settings, "--lang", "en", "visit", "list")
    line = capsys.readouterr().out.strip()
    assert (
        line.startswith(str(v.id)) and "4 July 2024" in line and "50.0" in line and "draft" in line
    )


def test_visit_report_writes_a_pdf(sqlite_db, settings, tmp_path, capsys):
    v = _visit(sqlite_db, settings)
    out = tmp_path / "laporan" / "monev.pdf"
    assert run(sqlite_db, settings, "visit", "report", str(v.id), "--out", str(out)) == 0
    assert str(out) in capsys.readouterr().out and out.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Muara Enim, 4 Juli 2024" in text and "Drs. Ahmad Fauzi" in text
    # The report's own language, beside the messages' language.
    english = tmp_path / "monev-en.pdf"
    assert (
        run(
            sqlite_db, settings, "visit", "report", str(v.id), "--out", str(english), "--lang", "en"
        )
        == 0
    )
    text = subprocess.run(
        ["pdftotext", str(english), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Muara Enim, 4 July 2024" in text


def test_unknown_visit_is_refused_with_a_registered_message(sqlite_db, settings, tmp_path):
    with pytest.raises(InputRejected) as exc:
        run(sqlite_db, settings, "visit", "report", "999", "--out", str(tmp_path / "x.pdf"))
    assert exc.value.problems[0].key == "visit.not_found"
    assert exc.value.message("en") == "Visit 999 not found."
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(SystemExit) as bad:
        _parser()[0].parse_args(["visit", "report", "abc", "--out", "x.pdf"])
    assert bad.value.code == 2


def _wired_main(monkeypatch):
    """app.cli.entry.main with the visit commands in it: as wired by the lead, else wired here the same way."""
    import app.cli.entry as cli

    original = cli.build_parser

    def build():
        parser = original()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "visit" not in sub.choices:
            add_visit_commands(sub)
            monkeypatch.setitem(cli.COMMANDS, "visit", lambda args, settings, lang: args.handler(
                args, settings, lang, cli._ready_database(args, settings)))  # fmt: skip
        return parser

    monkeypatch.setattr(cli, "build_parser", build)
    return cli.main


def test_kanimdesk_visit_report_with_a_bad_id_exits_2_without_a_traceback(
    sqlite_db, monkeypatch, tmp_path, capsys
):
    main = _wired_main(monkeypatch)
    code = main(
        ["--db", sqlite_db.url, "visit", "report", "4242", "--out", str(tmp_path / "x.pdf")]
    )
    err = capsys.readouterr().err
    assert code == 2 and "Kunjungan 4242 tidak ditemukan." in err and "Traceback" not in err
    assert main(["--db", sqlite_db.url, "--lang", "en", "visit", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_template_export_then_import_is_unchanged(db, settings, tmp_path, capsys):
    default = latest_template(db)
    path = tmp_path / "checklist.yaml"
    assert run(db, settings, "template", "export", str(path)) == 0
    assert f"versi {default.version}" in capsys.readouterr().out
    assert "code: monev-paspor" in path.read_text(encoding="utf-8")
    assert run(db, settings, "template", "import", str(path), "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["outcome"], result["version"], result["id"], result["items"]) == (
        "unchanged",
        1,
        default.id,
        70,
    )
    # Edited while a visit uses it: the next version, the old one stays.
    _visit(db, settings)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title: Monitoring dan Evaluasi", "title: Monev", 1), encoding="utf-8")  # fmt: skip
    assert run(db, settings, "--lang", "en", "template", "import", str(path)) == 0
    assert (
        capsys.readouterr().out.strip() == "Template monev-paspor version 2: new version (70 items)"
    )
    by_id = tmp_path / "v1.yaml"
    assert run(db, settings, "template", "export", str(by_id), "--id", str(default.id)) == 0
    assert "title: Monitoring dan Evaluasi" in by_id.read_text(encoding="utf-8")
    assert (
        run(
            db,
            settings,
            "template",
            "export",
            str(tmp_path / "latest.yaml"),
            "--code",
            "monev-paspor",
        )
        == 0
    )
    assert "title: Monev" in (tmp_path / "latest.yaml").read_text(encoding="utf-8")


def test_template_mistakes_are_refused(sqlite_db, settings, tmp_path):
    with pytest.raises(InputRejected) as exc:
        run(
            sqlite_db,
            settings,
            "template",
            "export",
            str(tmp_path / "x.yaml"),
            "--code",
            "tidak-ada",
        )
    assert exc.value.problems[0].key == "cli.template_code_missing"
    with pytest.raises(InputRejected) as exc:
        run(sqlite_db, settings, "template", "export", str(tmp_path / "x.yaml"), "--id", "999")
    assert exc.value.problems[0].key == "template.not_found"
    with pytest.raises(InputRejected) as exc:
        run(sqlite_db, settings, "template", "import", str(tmp_path / "missing.yaml"))
    assert exc.value.problems[0].key == "import.file_missing"
    with pytest.raises(SystemExit):
        _parser()[0].parse_args(["template", "export", "x.yaml", "--id", "1", "--code", "a"])
