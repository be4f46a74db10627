"""The authorities table: regions and authorities, matched by ONS code."""

import re
from dataclasses import dataclass

from authorities.models import LocalAuthority, Region
from inspections.importers.tables import open_table

COLUMNS = [
    "la_name",
    "dfe_la_code",
    "ons_code",
    "region_name",
    "region_code",
    "ofsted_region",
    "ofsted_urn",
    "is_current",
]
ONS_CODE = re.compile(r"^E(06|08|09|10)\d{6}$")
REGION_CODE = re.compile(r"^E12\d{6}$")
DFE_CODE = re.compile(r"^\d{3}$")
AUTHORITY_FIELDS = ["name", "dfe_code", "ofsted_region", "ofsted_urn", "is_current", "region_id"]


@dataclass
class AuthorityRow:
    ons_code: str
    name: str
    dfe_code: str
    region_code: str
    region_name: str
    ofsted_region: str
    ofsted_urn: str
    is_current: bool


def read_authorities(source):
    """(table, [AuthorityRow]) with every problem recorded in table.errors."""
    table = open_table(source, COLUMNS)
    rows = [_authority_row(table, number, row) for number, row in table.rows]
    _check_unique(table, rows)
    return table, rows


def _authority_row(table, number, row):
    checks = [
        (
            "ons_code",
            ONS_CODE,
            "not an ONS code of a children's services authority (E06, E08, E09, E10)",
        ),
        ("region_code", REGION_CODE, "not an ONS region code (E12000001 to E12000009)"),
        ("dfe_la_code", DFE_CODE, "a DfE LA number has three digits"),
    ]
    for column, pattern, problem in checks:
        if not pattern.match(row[column]):
            table.error(number, column, problem, row[column])
    for column in ("la_name", "region_name"):
        if not row[column]:
            table.error(number, column, "a name is required", row[column])
    if row["is_current"].lower() not in ("true", "false"):
        table.error(number, "is_current", "must be true or false", row["is_current"])
    return AuthorityRow(
        ons_code=row["ons_code"],
        name=row["la_name"],
        dfe_code=row["dfe_la_code"],
        region_code=row["region_code"],
        region_name=row["region_name"],
        ofsted_region=row["ofsted_region"],
        ofsted_urn=row["ofsted_urn"],
        is_current=row["is_current"].lower() == "true",
    )


def _check_unique(table, rows):
    seen = {"ons_code": {}, "dfe_code": {}}
    region_names = {}
    for (number, _), row in zip(table.rows, rows, strict=True):
        for attribute, column in (("ons_code", "ons_code"), ("dfe_code", "dfe_la_code")):
            value = getattr(row, attribute)
            if value in seen[attribute]:
                table.error(number, column, f"also on row {seen[attribute][value]}", value)
            seen[attribute].setdefault(value, number)
        named = region_names.setdefault(row.region_code, row.region_name)
        if named != row.region_name:
            table.error(
                number,
                "region_name",
                f"region {row.region_code} is also called {named}",
                row.region_name,
            )


def apply_authorities(rows, changes):
    """Create or update regions and authorities; return {ons code: authority} of all in the database."""
    regions = _apply_regions(rows, changes)
    existing = {a.ons_code: a for a in LocalAuthority.objects.all()}
    created, updated = [], []
    for row in rows:
        values = {
            "name": row.name,
            "dfe_code": row.dfe_code,
            "ofsted_region": row.ofsted_region,
            "ofsted_urn": row.ofsted_urn,
            "is_current": row.is_current,
            "region_id": regions[row.region_code].pk,
        }
        authority = existing.get(row.ons_code)
        if authority is None:
            created.append(LocalAuthority(ons_code=row.ons_code, **values))
            changes.record("authority", "create", f"{row.name} ({row.ons_code})")
        elif assign_changed(authority, values):
            updated.append(authority)
            changes.record("authority", "update", f"{row.name} ({row.ons_code})")
        else:
            changes.record("authority", "unchanged")
    LocalAuthority.objects.bulk_update(updated, AUTHORITY_FIELDS)
    for authority in LocalAuthority.objects.bulk_create(created):
        existing[authority.ons_code] = authority
    return existing


def _apply_regions(rows, changes):
    regions = {r.code: r for r in Region.objects.all()}
    names = {row.region_code: row.region_name for row in rows}
    for code, name in sorted(names.items()):
        region = regions.get(code)
        if region is None:
            regions[code] = Region.objects.create(code=code, name=name)
            changes.record("region", "create", f"{name} ({code})")
        elif region.name != name:
            region.name = name
            region.save(update_fields=["name"])
            changes.record("region", "update", f"{name} ({code})")
        else:
            changes.record("region", "unchanged")
    return regions


def assign_changed(instance, values):
    """Set the values that differ; True when any did."""
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed
