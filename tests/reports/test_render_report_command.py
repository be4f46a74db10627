"""render_report writes a report to a file without the web server."""

import pytest
from django.core.management import CommandError, call_command


def test_it_writes_the_pdf(gateshead_report, tmp_path):
    target = tmp_path / "report.pdf"
    call_command("render_report", gateshead_report.pk, str(target), verbosity=0)
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_dry_run_writes_nothing(gateshead_report, tmp_path, capsys):
    target = tmp_path / "report.docx"
    call_command("render_report", gateshead_report.pk, str(target), "--dry-run")
    assert not target.exists()
    assert "dry run" in capsys.readouterr().out


def test_an_unknown_report_or_format_is_named(gateshead_report, tmp_path):
    with pytest.raises(CommandError, match="No committee report with id 999"):
        call_command("render_report", 999, str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="Unknown format 'txt'"):
        call_command("render_report", gateshead_report.pk, str(tmp_path / "x.txt"))
