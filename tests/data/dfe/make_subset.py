"""Cut the test subset from the DfE's full files: python make_subset.py SOURCE_FOLDER.

Keeps, from each tidy file, the header and the rows of 2024 and 2025 for England, the North East,
Gateshead and its 2025 statistical neighbours, plus every row of those years holding a DfE symbol
(c, k, u, x, z, low) up to 30 a file, and every row of the merged or renamed authorities (Dorset,
Bournemouth, Sheffield, Barnsley, the Northamptonshires). The neighbour tables are kept whole.
"""

import csv
import shutil
import sys
from pathlib import Path

YEARS = {"2024", "2025"}
NEIGHBOUR_FILES = ("sn_model_2025_wide.csv", "New_Statistical_Neighbour_Groupings_April_2021.csv")
ODD = {"835", "837", "373", "370", "940 / 941", "940", "941"}
SYMBOLS = {"c", "k", "u", "x", "z", "low"}


def areas(source):
    with open(source / NEIGHBOUR_FILES[0], encoding="utf-8-sig") as file:
        for row in csv.DictReader(file):
            if row["old_la_code"] == "390":
                return {"390", *(row[f"SN_{n}"] for n in range(1, 11))}
    raise SystemExit("Gateshead (390) is not in the 2025 model")


def keep(row, wanted, symbols_left):
    if row["old_la_code"] in ODD and row["time_period"] in YEARS | {"2019", "2020"}:
        return True
    if row["time_period"] not in YEARS:
        return False
    level = row["geographic_level"]
    if level == "National" or row["region_code"] == "E12000001" and level == "Regional":
        return True
    if row["old_la_code"] in wanted:
        return True
    if symbols_left[0] and SYMBOLS & set(row.values()):
        symbols_left[0] -= 1
        return True
    return False


def cut(path, target, wanted):
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines(keepends=True)
    header = next(csv.reader(lines[:1]))
    kept, left = [lines[0]], [30]
    for line, row in zip(lines[1:], csv.reader(lines[1:]), strict=True):
        if keep(dict(zip(header, row, strict=False)), wanted, left):
            kept.append(line)
    (target / path.name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + "".join(kept).encode())


def main(source):
    source, target = Path(source), Path(__file__).parent
    wanted = areas(source)
    for path in sorted(source.glob("*.csv")):
        if path.name in NEIGHBOUR_FILES:
            shutil.copyfile(path, target / path.name)
        else:
            cut(path, target, wanted)


if __name__ == "__main__":
    main(sys.argv[1])
