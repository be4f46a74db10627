"""Load a DfE statistical neighbour model: each authority's ten nearest, in order, by LA number.

Both published layouts are read: the 2025 one (old_la_code, SN_1, SN_1P … SN_10, SN_10P) and the
2021 one (LA num, SN1, SNP … SN10, SNP). The column after each neighbour says how close it is.
Authorities not among ours (abolished before the register was built) are passed over and named.
"""

import re

from django.db import transaction

from authorities.models import LocalAuthority
from indicators.ees import ImportError_, read_table
from indicators.models import StatisticalNeighbour

CODE_COLUMNS = ("old_la_code", "LA num", "la_code", "LA number")
NEIGHBOUR = re.compile(r"^SN_?(\d{1,2})$")


def load_model(data, file_name, model_year):
    """Replace the model of that year; (links written, codes passed over)."""
    header, rows = read_table(data, file_name)
    code_at = _code_column(header, file_name)
    ranks = [(int(m[1]), i) for i, name in enumerate(header) if (m := NEIGHBOUR.match(name))]
    if not ranks:
        raise ImportError_(f"{file_name}, row 1: no neighbour columns (SN_1 … or SN1 …).")
    by_dfe = {a.dfe_code: a for a in LocalAuthority.objects.all()}
    links, passed_over = [], set()
    for number, row in enumerate(rows, start=2):
        if _is_note(row, code_at, ranks):
            continue
        code = _code(row, code_at, file_name, number, header)
        authority = by_dfe.get(code)
        if authority is None:
            passed_over.add(code)
            continue
        for rank, index in ranks:
            neighbour = _code(row, index, file_name, number, header, empty_ok=True)
            if neighbour and neighbour not in by_dfe:
                passed_over.add(neighbour)
            elif neighbour:
                closeness = row[index + 1].strip() if index + 1 < len(row) else ""
                links.append(
                    StatisticalNeighbour(
                        authority=authority,
                        neighbour=by_dfe[neighbour],
                        rank=rank,
                        closeness=closeness,
                        model_year=model_year,
                    )
                )
    with transaction.atomic():
        StatisticalNeighbour.objects.filter(model_year=model_year).delete()
        StatisticalNeighbour.objects.bulk_create(links)
    return len(links), passed_over


def _is_note(row, code_at, ranks):
    """A blank line or a heading such as "Old SNs:": no authority and no neighbours."""
    cells = [code_at, *(index for _, index in ranks)]
    return not any(row[i].strip() for i in cells if i < len(row))


def _code_column(header, file_name):
    for name in CODE_COLUMNS:
        if name in header:
            return header.index(name)
    raise ImportError_(f"{file_name}, row 1: no column of LA numbers ({', '.join(CODE_COLUMNS)}).")


def _code(row, index, file_name, number, header, empty_ok=False):
    code = row[index].strip() if index < len(row) else ""
    if (empty_ok and not code) or re.fullmatch(r"\d{3}", code):
        return code
    raise ImportError_(
        f"{file_name}, row {number}, column {header[index]}: “{code}” is not a DfE LA number "
        "(three digits, such as 390)."
    )


def model_year_of(file_name):
    """The year in a model's file name (sn_model_2025_wide.csv), or None."""
    found = re.findall(r"(20\d\d)", file_name)
    return int(found[-1]) if found else None
