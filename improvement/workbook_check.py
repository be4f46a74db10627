"""What an uploaded workbook must pass before anything reads it: it is an .xlsx by its content,
and what it declares (sheets, rows, columns, cells, merged ranges) is within the limits below.

openpyxl builds in memory every cell a merged range covers and every cell of a sheet's grid up to
its last row and column: a 1.6 KB file declaring one merged range A2:XFD1048576 grew a worker past
2.5 GB, and the file's unzipped size says nothing of that. So each part of the file is streamed
through expat first, keeping nothing but counts, and the file is refused at the first limit it
passes, with a message naming the limit and what the file declares. The limits are documented in
docs/workbook.md; no council tracker comes near them (plans have up to a few thousand actions).
"""

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.parsers import expat

MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
MAX_PARTS = 1_000  # files inside the .xlsx
MAX_SHEETS = 50
MAX_ROWS = 10_000  # a sheet's last row
MAX_COLUMNS = 200  # a sheet's last column, GR
MAX_CELLS = 500_000  # every sheet's last row times its last column, added up
MAX_MERGED_CELLS = 100_000  # cells covered by merged ranges, all sheets together
MAX_STRINGS = 200_000  # the workbook's shared strings (text cells' values)
MAX_PART_ELEMENTS = 100_000  # XML elements of any part but sheets and texts (styles, ...)
MAX_ELEMENTS = 2_000_000  # XML elements of all parts: bounds the time these checks take
MAX_UNCALCULATED = 10_000  # formulas saved without their result (each is a problem to report)
FORMULA_SHOWN = 100  # characters of such a formula kept, to name it in the problem
CHUNK = 64 * 1024
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
COORDINATE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


class NotAWorkbook(Exception):
    """Refused: the message says why, naming the file."""


@dataclass
class Declared:
    """What the checks found that reading needs, by sheet title: each sheet's merged ranges, and
    its formulas saved without their result (a tool that does not calculate writes them so), whose
    cells openpyxl reads as empty."""

    merges: dict = field(default_factory=dict)  # {sheet title: ["A2:A3", ...]}
    formulas: dict = field(default_factory=dict)  # {sheet title: {(row, column): "=1+1"}}


def check_xlsx(content: bytes, file_name: str):
    """Refuse anything that is not an Excel .xlsx workbook by its content, whatever its name."""
    refusal = f"“{file_name}” is not an Excel workbook (.xlsx)."
    if not content.startswith(b"PK\x03\x04"):
        raise NotAWorkbook(refusal)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise NotAWorkbook(refusal) from error
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise NotAWorkbook(refusal)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise NotAWorkbook(
            f"“{file_name}” unpacks to more than 50 MB; split it into smaller files."
        )


def check_limits(content: bytes, file_name: str) -> Declared:
    """Stream every part of a workbook (checked by check_xlsx) and refuse it at the first limit
    it passes; a part that is damaged, or XML with a DTD (Excel writes none), is refused too."""
    scan = _Scan(file_name)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                scan.refuse(
                    f"it holds {len(parts):,} files; a workbook holds at most {MAX_PARTS:,}"
                )
            scan.titles = _sheet_titles(archive)
            for part in parts:
                scan.part(archive, part.filename)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as error:
        raise scan.unreadable() from error
    return Declared(merges=scan.merges, formulas=scan.formulas)


class _Refused(Exception):
    """Damaged, or not what Excel writes: refused as unreadable."""


class _Scan:
    """Counts across the whole workbook, and the streaming of each part."""

    def __init__(self, file_name):
        self.file_name = file_name
        self.titles = {}  # {part name: sheet title}
        self.merges, self.formulas = {}, {}
        self.uncalculated = 0
        self.sheets = self.grid = self.cells = self.merged = self.strings = self.elements = 0

    def refuse(self, reason):
        raise NotAWorkbook(
            f"“{self.file_name}” cannot be imported: {reason}. Delete the empty rows, columns "
            "and sheets, or split it into smaller workbooks."
        )

    def unreadable(self):
        return NotAWorkbook(
            f"“{self.file_name}” could not be read as a workbook; save it again from Excel as .xlsx."
        )

    def part(self, archive, name):
        """Stream one part; a part that is not XML (an image) is passed over."""
        parser = _parser(None)
        reader = _PartReader(self, name, parser)
        parser.StartElementHandler = reader.start
        with archive.open(name) as source:
            try:
                while chunk := source.read(CHUNK):
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
                reader.cell_done()
            except expat.ExpatError as error:
                # Not XML at all (an image), or a part openpyxl does not read (VML drawings).
                if reader.kind in ("worksheet", "sst", "workbook"):
                    raise self.unreadable() from error
            except _Refused as error:
                raise self.unreadable() from error
        self.grid += reader.last_row * reader.last_column


class _PartReader:
    """The handler of one part's elements, by the part's kind (its root element) and the
    element's name: worksheet_row handles a worksheet's <row>."""

    def __init__(self, scan, name, parser):
        self.scan, self.name, self.parser = scan, name, parser
        self.kind = None  # worksheet, sst (shared strings), workbook, styleSheet, ...
        self.elements = self.sheets = 0
        self.last_row = self.last_column = self.row = self.column = 0
        # The cell being read: its formula's text, if it has one, and whether it has a value.
        self.formula, self.cell_at = None, None
        self.has_value = self.capturing = False

    @property
    def sheet(self):
        return f"sheet “{self.scan.titles.get(self.name, self.name)}”"

    def start(self, tag, attributes):
        name = tag.rpartition(" ")[2]
        if self.capturing:  # a formula's text ends where the next element starts
            self.parser.CharacterDataHandler, self.capturing = None, False
        if self.kind is None:
            self.kind = name
        self.elements += 1
        self.scan.elements += 1
        if self.scan.elements > MAX_ELEMENTS:
            self.scan.refuse(f"it has more than {MAX_ELEMENTS:,} XML elements in all")
        handler = getattr(self, f"{self.kind}_{name}", None)
        if handler:
            handler(attributes)
        elif self.kind not in ("worksheet", "sst") and self.elements > MAX_PART_ELEMENTS:
            self.scan.refuse(
                f"its part {self.name} has more than {MAX_PART_ELEMENTS:,} elements, far more "
                "than a workbook's styles or settings need"
            )

    def worksheet_worksheet(self, attributes):
        self.scan.sheets += 1
        self.too_many_sheets(self.scan.sheets)

    def workbook_sheet(self, attributes):
        self.sheets += 1
        self.too_many_sheets(self.sheets)

    def too_many_sheets(self, count):
        if count > MAX_SHEETS:
            self.scan.refuse(
                f"it has more than {MAX_SHEETS} sheets; a workbook may have at most {MAX_SHEETS}"
            )

    def sst_si(self, attributes):
        self.scan.strings += 1
        if self.scan.strings > MAX_STRINGS:
            self.scan.refuse(
                f"it holds more than {MAX_STRINGS:,} different texts; a workbook may hold at "
                f"most {MAX_STRINGS:,}"
            )

    def worksheet_dimension(self, attributes):
        """The size the sheet declares: held to the row and column limits (openpyxl sizes what it
        reads by it), though only the cells found count towards the cells limit."""
        ref = attributes.get("ref", "")
        column, row = self.coordinate(ref.rpartition(":")[2])
        self.within(row, column, f"declares its size as {ref}, reaching")

    def worksheet_row(self, attributes):
        self.cell_done()
        self.row = self.number(attributes["r"]) if "r" in attributes else self.row + 1
        self.column = 0
        self.reach(self.row, 0)

    def worksheet_c(self, attributes):
        self.cell_done()
        if "r" in attributes:
            self.column, row = self.coordinate(attributes["r"])
        else:
            self.column, row = self.column + 1, self.row
        self.cell_at = (row, self.column)
        self.scan.cells += 1
        if self.scan.cells > MAX_CELLS:
            self.scan.refuse(
                f"it has more than {MAX_CELLS:,} cells; a workbook may have at most {MAX_CELLS:,}"
            )
        self.reach(row, self.column)

    def worksheet_f(self, attributes):
        self.formula, self.capturing = "", True
        self.parser.CharacterDataHandler = self.formula_text

    def formula_text(self, text):
        if len(self.formula) < FORMULA_SHOWN:
            self.formula = (self.formula + text)[:FORMULA_SHOWN]

    def worksheet_v(self, attributes):
        # A formula's result; openpyxl writes an empty <v></v>, which is no result.
        if self.formula is not None:
            self.capturing = True
            self.parser.CharacterDataHandler = self.value_text

    def value_text(self, text):
        self.has_value = True

    def cell_done(self):
        """The cell before the next one (or the end of the sheet): a formula without a result
        (<f> and no <v>, or an empty one) is kept to be reported, as openpyxl reads it as empty."""
        if self.formula is not None and not self.has_value:
            self.scan.uncalculated += 1
            if self.scan.uncalculated > MAX_UNCALCULATED:
                self.scan.refuse(
                    f"it has more than {MAX_UNCALCULATED:,} formulas saved without their result; "
                    "open it in Excel and save it, which keeps each formula's result"
                )
            title = self.scan.titles.get(self.name, self.name)
            text = self.formula.strip()
            shown = "=" + text if text else "a formula"
            self.scan.formulas.setdefault(title, {})[self.cell_at] = shown
        self.formula, self.has_value = None, False

    def worksheet_mergeCell(self, attributes):
        ref = attributes.get("ref", "")
        first, _, last = ref.partition(":")
        (left, top), (right, bottom) = self.coordinate(first), self.coordinate(last or first)
        covered = (abs(right - left) + 1) * (abs(bottom - top) + 1)
        self.scan.merged += covered
        if self.scan.merged > MAX_MERGED_CELLS:
            self.scan.refuse(
                f"{self.sheet} merges {ref}, {covered:,} cells; the merged ranges of a workbook "
                f"may cover at most {MAX_MERGED_CELLS:,} cells"
            )
        self.reach(max(top, bottom), max(left, right), f"merges {ref}, reaching")
        title = self.scan.titles.get(self.name, self.name)
        self.scan.merges.setdefault(title, []).append(ref)

    def within(self, row, column, how):
        if row > MAX_ROWS:
            self.scan.refuse(
                f"{self.sheet} {how} row {row:,}; a sheet may have at most {MAX_ROWS:,} rows"
            )
        if column > MAX_COLUMNS:
            self.scan.refuse(
                f"{self.sheet} {how} column {column:,}; a sheet may have at most {MAX_COLUMNS} "
                "columns (A to GR)"
            )

    def reach(self, row, column, how="reaches"):
        """The sheet has something at this row and column: its grid grows to them."""
        self.within(row, column, how)
        self.last_row, self.last_column = max(self.last_row, row), max(self.last_column, column)
        if self.scan.grid + self.last_row * self.last_column > MAX_CELLS:
            self.scan.refuse(
                f"{self.sheet} reaches row {self.last_row:,} and column {self.last_column}, and "
                f"its sheets' rows times their columns make more than {MAX_CELLS:,} cells; a "
                f"workbook may have at most {MAX_CELLS:,}"
            )

    def coordinate(self, text):
        """(column, row) of a cell reference such as B12; refused if it is not one."""
        found = COORDINATE.fullmatch(text)
        if not found:
            raise _Refused
        column = 0
        for letter in found[1].upper():
            column = column * 26 + ord(letter) - ord("A") + 1
        return column, int(found[2])

    def number(self, text):
        if not text.isdecimal() or len(text) > 7:
            raise _Refused
        return int(text)


def _parser(start):
    """An expat parser calling `start` for each element; a DTD (Excel writes none, and XML bombs
    need one) is refused."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = _refuse
    return parser


def _refuse(*args):
    raise _Refused


def _sheet_titles(archive):
    """{part name: sheet title} from the workbook and its relationships, for messages and merged
    ranges (every part is checked whatever its name, so a missing title only loses the name)."""
    try:
        sheets = _elements(archive, "xl/workbook.xml", "sheet")
        relations = _elements(archive, "xl/_rels/workbook.xml.rels", "Relationship")
    except (KeyError, expat.ExpatError, _Refused):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in relations}
    titles = {}
    for sheet in sheets:
        target = targets.get(sheet.get(f"{RELATIONSHIPS} id"), "")
        path = target[1:] if target.startswith("/") else posixpath.join("xl", target)
        titles[posixpath.normpath(path)] = sheet.get("name", "")
    return titles


def _elements(archive, name, element):
    """The attributes of each `element` of a small part; refused past MAX_SHEETS * 4 of them."""
    found = []

    def start(tag, attributes):
        if tag.rpartition(" ")[2] == element:
            found.append(attributes)
            if len(found) > MAX_SHEETS * 4:
                raise _Refused

    parser = _parser(start)
    with archive.open(name) as source:
        while chunk := source.read(CHUNK):
            parser.Parse(chunk, False)
    return found
