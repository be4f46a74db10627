"""The inspection history table: one row per published report, read into inspections to write.

How a row becomes inspections (see docs/ofsted-data.md):
- "SIF" -> framework sif, kind full; its LSCB review grade becomes a second inspection of
  framework lscb-review, same dates, conducted with the SIF.
- "SIF re-inspection" -> framework sif, kind reinspection.
- "ILACS" -> ilacs-2018 when the combined children in care and care leavers judgement is filled,
  ilacs-2023 when the separate ones are, ilacs-2026 when the overall grade is "Not reported
  (framework from April 2026)". Kind short or standard from inspection_type_per_source
  (standard when blank or anything else).
- "Pre-SIF looked after children inspection (2012-13)" -> framework lac-2012, kind full.
- "LSCB review (standalone)" -> framework lscb-review; skipped when the row has no dates.
- "not parsed (...)" rows (HTML pages) carry no grades or dates: skipped, and said so.
"""

from dataclasses import dataclass, field

from inspections.importers.tables import open_table, parse_date, parse_grade
from inspections.models import Inspection

Kind = Inspection.Kind

COLUMNS = [
    "la_name",
    "ons_code",
    "framework",
    "inspection_start_date",
    "inspection_end_date",
    "publication_date",
    "lead_inspector",
    "inspection_type_per_source",
    "overall_effectiveness",
    "ilacs_impact_of_leaders",
    "ilacs_help_and_protection",
    "ilacs_children_in_care_and_care_leavers",
    "ilacs_children_in_care",
    "ilacs_care_leavers",
    "sif_help_and_protection",
    "sif_looked_after_and_permanence",
    "sif_adoption_performance",
    "sif_care_leavers",
    "sif_leadership_management_governance",
    "sif_lscb_review",
    "pre_sif_overall_effectiveness",
    "report_url",
]

SIF_AREAS = {
    "sif_help_and_protection": "help_and_protection",
    "sif_looked_after_and_permanence": "looked_after",
    "sif_adoption_performance": "adoption",
    "sif_care_leavers": "care_leavers",
    "sif_leadership_management_governance": "leadership",
}
ILACS_AREAS = {
    "ilacs_impact_of_leaders": "impact_of_leaders",
    "ilacs_help_and_protection": "help_and_protection",
}
ILACS_COMBINED = {"ilacs_children_in_care_and_care_leavers": "children_in_care_and_care_leavers"}
ILACS_SPLIT = {"ilacs_children_in_care": "children_in_care", "ilacs_care_leavers": "care_leavers"}
GRADE_COLUMNS = [c for c in COLUMNS if c.startswith(("ilacs_", "sif_", "pre_sif_"))]
NOT_REPORTED_2026 = "not reported (framework from april 2026)"

SIF, SIF_REINSPECTION, ILACS = "sif", "sif re-inspection", "ilacs"
PRE_SIF = "pre-sif looked after children inspection (2012-13)"
LSCB_STANDALONE = "lscb review (standalone)"
NOT_PARSED_PREFIX = "not parsed"


@dataclass
class InspectionRow:
    """One inspection to write, from one row (an LSCB review has the SIF's row as `parent`)."""

    row: int
    authority_name: str
    ons_code: str
    framework: str
    kind: str
    started_on: object
    ended_on: object
    published_on: object
    overall_grade: str = ""
    lead_inspector: str = ""
    report_url: str = ""
    judgements: dict = field(default_factory=dict)  # area code -> grade
    parent: "InspectionRow | None" = None

    def describe(self):
        return (
            f"{self.authority_name} ({self.ons_code}): {self.framework} {self.kind}, "
            f"on site {self.started_on} to {self.ended_on}, published {self.published_on}"
        )


def read_history(source, frameworks, known_ons_codes):
    """(table, [InspectionRow], [skipped description]) with every problem in table.errors.

    `frameworks` maps framework code -> Framework (to check each grade against its scale).
    """
    table = open_table(source, COLUMNS)
    inspections, skipped = [], []
    for number, row in table.rows:
        reader = _RowReader(table, number, row, frameworks)
        if row["ons_code"] not in known_ons_codes:
            table.error(number, "ons_code", "no authority has this ONS code", row["ons_code"])
        result = reader.read()
        if isinstance(result, str):
            skipped.append(f"{table.name}, row {number}: {row['la_name']}: {result}")
        else:
            inspections.extend(result)
    _check_duplicates(table, inspections)
    return table, inspections, skipped


class _RowReader:
    def __init__(self, table, number, row, frameworks):
        self.table, self.number, self.row, self.frameworks = table, number, row, frameworks

    def error(self, column, problem):
        self.table.error(self.number, column, problem, self.row[column])

    def read(self):
        """[InspectionRow] for the row, or a string saying why it is skipped."""
        framework = self.row["framework"].lower()
        if framework.startswith(NOT_PARSED_PREFIX):
            return f"skipped: the report is an HTML page, not parsed, so the table has no grades ({self.row['framework']})"
        readers = {
            SIF: self.sif,
            SIF_REINSPECTION: self.sif,
            ILACS: self.ilacs,
            PRE_SIF: self.pre_sif,
            LSCB_STANDALONE: self.lscb_standalone,
        }
        if framework not in readers:
            self.error("framework", "not a framework this import knows")
            return []
        return readers[framework]()

    def base(self, framework, kind, overall=""):
        row = self.row
        started = parse_date(self.table, self.number, row, "inspection_start_date")
        ended = parse_date(self.table, self.number, row, "inspection_end_date")
        published = parse_date(self.table, self.number, row, "publication_date")
        if started and ended and ended < started:
            self.error("inspection_end_date", "the last day on site is before the first")
        if ended and published and published < ended:
            self.error("publication_date", "the report is published before the inspection ends")
        return InspectionRow(
            row=self.number,
            authority_name=row["la_name"],
            ons_code=row["ons_code"],
            framework=framework,
            kind=kind,
            started_on=started,
            ended_on=ended,
            published_on=published,
            overall_grade=overall,
            lead_inspector=row["lead_inspector"],
            report_url=row["report_url"],
        )

    def grades(self, columns):
        graded = {}
        for column, area in columns.items():
            grade = parse_grade(self.table, self.number, self.row, column)
            if grade:
                graded[area] = grade
        return graded

    def overall(self, column="overall_effectiveness"):
        return parse_grade(self.table, self.number, self.row, column)

    def refuse_other_columns(self, used):
        for column in GRADE_COLUMNS:
            if column not in used and self.row[column]:
                self.error(column, f"not a judgement of a {self.row['framework']} report")

    def check_scale(self, inspection, column="overall_effectiveness"):
        framework = self.frameworks[inspection.framework]
        grades = [inspection.overall_grade, *inspection.judgements.values()]
        for grade in filter(None, grades):
            if not framework.allows(grade):
                self.error(
                    column, f"not a grade of {framework}, which uses {framework.scale_in_words()}"
                )
        return inspection

    def sif(self):
        reinspection = self.row["framework"].lower() == SIF_REINSPECTION
        kind = Kind.REINSPECTION if reinspection else Kind.FULL
        self.refuse_other_columns([*SIF_AREAS, "sif_lscb_review"])
        inspection = self.base("sif", kind, self.overall())
        inspection.judgements = self.grades(SIF_AREAS)
        found = [self.check_scale(inspection)]
        lscb_grade = self.overall("sif_lscb_review")
        if lscb_grade:
            review = self.base("lscb-review", Kind.LSCB_REVIEW, lscb_grade)
            review.parent = inspection
            found.append(review)
        return found

    def ilacs(self):
        combined = any(self.row[c] for c in ILACS_COMBINED)
        split = any(self.row[c] for c in ILACS_SPLIT)
        not_reported = (
            " ".join(self.row["overall_effectiveness"].lower().split()) == NOT_REPORTED_2026
        )
        if combined and split:
            self.error(
                "ilacs_children_in_care",
                "both the combined and the separate judgements of children in care are filled",
            )
        elif not (combined or split):
            self.error(
                "ilacs_children_in_care", "no judgement of children in care, combined or separate"
            )
        if not_reported and combined:
            self.error(
                "overall_effectiveness",
                "the April 2026 framework has separate judgements of children in care and care leavers",
            )
        framework = "ilacs-2026" if not_reported else "ilacs-2023" if split else "ilacs-2018"
        areas = {**ILACS_AREAS, **(ILACS_SPLIT if split else ILACS_COMBINED)}
        self.refuse_other_columns(areas)
        overall = "" if not_reported else self.overall()
        if not overall and not not_reported and not self.row["overall_effectiveness"]:
            self.error(
                "overall_effectiveness", "an ILACS report before April 2026 has an overall grade"
            )
        kind = (
            Kind.SHORT
            if self.row["inspection_type_per_source"].lower() == "short"
            else Kind.STANDARD
        )
        inspection = self.base(framework, kind, overall)
        inspection.judgements = self.grades(areas)
        return [self.check_scale(inspection)]

    def pre_sif(self):
        self.refuse_other_columns(["pre_sif_overall_effectiveness"])
        inspection = self.base("lac-2012", Kind.FULL, self.overall("pre_sif_overall_effectiveness"))
        return [self.check_scale(inspection, "pre_sif_overall_effectiveness")]

    def lscb_standalone(self):
        dates = ("inspection_start_date", "inspection_end_date")
        if not any(self.row[c] for c in dates):
            return "skipped: a standalone LSCB review with no dates on site in the table"
        self.refuse_other_columns(["sif_lscb_review"])
        inspection = self.base("lscb-review", Kind.LSCB_REVIEW, self.overall("sif_lscb_review"))
        return [self.check_scale(inspection, "sif_lscb_review")]


def _check_duplicates(table, inspections):
    seen = {}
    for inspection in inspections:
        keys = [
            (
                "publication_date",
                (
                    inspection.ons_code,
                    inspection.framework,
                    inspection.kind,
                    inspection.published_on,
                ),
            ),
            (
                "inspection_start_date",
                (inspection.ons_code, inspection.framework, inspection.kind, inspection.started_on),
            ),
        ]
        for column, key in keys:
            if None in key:
                continue
            if key in seen and seen[key] != inspection.row:
                table.error(
                    inspection.row, column, f"the same inspection as row {seen[key]}", key[-1]
                )
            seen.setdefault(key, inspection.row)
