"""Benchmark: each workbook bomb fed to the upload's refusal path, in a fresh process, beside a
normal tracker of the same size in bytes read the whole way (checked, then read as the worker
reads it).

Prints, for each, the file's size, what happened, the CPU seconds of the work and the process's
peak resident memory (resource.getrusage; the process's own imports, Django's included, are in
the peak, and shown on their own as "at start"). Exits 1 if a bomb is accepted, or its refusal
takes 2 s of CPU or more, or its process peaks at 200 MB or more.

    .venv/bin/python bench/workbook_bombs.py
    .venv/bin/python bench/workbook_bombs.py --one FILE --read   # one file, as the children do

Each file is built in a process of its own too: Linux keeps a process's peak memory across the
fork and exec that start a child, so the parent stays small (the standard library only).
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CPU_LIMIT = 2.0
MEMORY_LIMIT_MB = 200


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")  # a local key
    import django

    django.setup()


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def one(path, read):
    """In a fresh process: the upload form's checks on the file (what a request does), and with
    `read` the worker's reading too. Prints what happened as JSON."""
    setup_django()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from improvement.workbook_check import check_limits
    from improvement.workbook_forms import WorkbookUploadForm
    from improvement.workbook_read import read_sheets, to_json

    content = Path(path).read_bytes()
    at_start, started = peak_mb(), cpu_seconds()
    form = WorkbookUploadForm({}, {"workbook": SimpleUploadedFile(Path(path).name, content)})
    outcome = "refused: " + form.errors["workbook"][0] if not form.is_valid() else "accepted"
    if read and outcome == "accepted":
        declared = check_limits(content, path)
        tables = to_json(read_sheets(content, declared.merges, declared.formulas))
        outcome = f"read: {sum(len(sheet['rows']) for sheet in tables):,} rows"
    used = cpu_seconds() - started
    print(json.dumps({"outcome": outcome, "cpu": used, "peak": peak_mb(), "at_start": at_start}))


def normal_tracker(size):
    """A tracker of about `size` bytes: real columns, varied words (so it does not compress to
    nothing), as many rows as it takes, within the limits."""
    from tests.workbooks import xlsx

    words = random.Random(1)
    vocabulary = ["".join(words.choices("abcdefghijklmnopqrstuvwxyz", k=7)) for _ in range(5000)]
    headers = ["Ref", "Action required", "Officer", "Timescale", "RAG", "Progress"]

    def build(rows):
        cells = [_row(1, headers)]
        for n in range(2, rows + 2):
            narrative = " ".join(words.choices(vocabulary, k=150))
            values = [f"{n // 20}.{n % 20}", narrative[:120], "Team manager", "March 2025"]
            cells.append(_row(n, [*values, "Amber", narrative]))
        return xlsx({"Plan": f"<sheetData>{''.join(cells)}</sheetData>"})

    rows = 1
    for _ in range(4):  # grow towards the size: each row adds about the same
        content = build(rows)
        rows = max(1, min(9_000, int(rows * size / len(content))))
    return build(rows)


def _row(number, values):
    cells = "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def build(name, folder):
    """Write the bomb called `name` and a normal tracker of its size into `folder`."""
    sys.path.insert(0, str(ROOT))
    from tests.workbooks import BOMBS

    bomb = Path(folder, "bomb.xlsx")
    bomb.write_bytes(BOMBS[name]())
    Path(folder, "tracker.xlsx").write_bytes(normal_tracker(bomb.stat().st_size))


def bomb_names():
    """The bombs' names, read without importing anything heavy into this process."""
    text = (ROOT / "tests" / "workbooks.py").read_text()
    block = text[text.index("BOMBS = {") :]
    return [line.split('"')[1] for line in block.splitlines() if line.startswith('    "')]


def run_child(*arguments):
    command = [sys.executable, __file__, *map(str, arguments)]
    result = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    lines = result.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", help="check (and with --read, read) this one file")
    parser.add_argument("--read", action="store_true")
    parser.add_argument(
        "--build", nargs=2, metavar=("BOMB", "FOLDER"), help="write a bomb and its tracker"
    )
    args = parser.parse_args()
    if args.one:
        return one(args.one, args.read)
    if args.build:
        return build(*args.build)
    failed = False
    print(f"{'file':32} {'bytes':>10} {'CPU s':>6} {'peak MB':>8} {'at start':>8}  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for name in bomb_names():
            run_child("--build", name, folder)
            bomb, normal = Path(folder, "bomb.xlsx"), Path(folder, "tracker.xlsx")
            started = time.perf_counter()
            found = run_child("--one", bomb)
            wall = time.perf_counter() - started
            bad = (
                not found["outcome"].startswith("refused")
                or found["cpu"] >= CPU_LIMIT
                or found["peak"] >= MEMORY_LIMIT_MB
            )
            failed = failed or bad
            _print(name, bomb, found, ("FAILS " if bad else "") + found["outcome"][:90])
            read = run_child("--one", normal, "--read")
            _print("  normal tracker, same size", normal, read, read["outcome"])
            print(f"  (bomb's whole process, wall clock: {wall:.2f} s)")
    limits = f"every bomb refused within {CPU_LIMIT:.0f} s of CPU and under {MEMORY_LIMIT_MB} MB"
    print(("FAILED: not " if failed else "") + limits)
    return 1 if failed else 0


def _print(name, path, found, outcome):
    print(
        f"{name:32} {path.stat().st_size:>10,} {found['cpu']:>6.3f} {found['peak']:>8.1f} "
        f"{found['at_start']:>8.1f}  {outcome}"
    )


if __name__ == "__main__":
    sys.exit(main())
