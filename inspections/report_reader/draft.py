"""A draft inspection from a report reading: matched to our authorities and frameworks, kept as
plain JSON (for the admin's session) until an admin confirms it, then saved in one transaction.
"""

import dataclasses
import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction

from authorities.models import LocalAuthority
from inspections.models import Framework, Inspection, Judgement, JudgementArea, Recommendation

# Words an authority's name carries in a report but not in the national list, or the reverse.
NAME_NOISE = {
    "london",
    "royal",
    "borough",
    "of",
    "city",
    "county",
    "metropolitan",
    "council",
    "the",
    "district",
    "corporation",
}


def name_key(name):
    words = re.sub(r"[^a-z0-9 ]", " ", name.lower().replace("&", " and ")).split()
    return " ".join(word for word in words if word not in NAME_NOISE)


def match_authority(name):
    """(authority, None) when exactly one authority has this name, else (None, why not)."""
    if not name:
        return None, None
    key = name_key(name)
    matches = [a for a in LocalAuthority.objects.all() if name_key(a.name) == key]
    if len(matches) > 1:
        matches = [a for a in matches if a.is_current] or matches
    if len(matches) == 1:
        return matches[0], None
    if not matches:
        return None, f"No authority is called “{name}”: choose the authority."
    return None, f"Several authorities could be “{name}”: choose the authority."


def make_draft(reading, file_name=""):
    """The reading as JSON-ready data, with the authority matched by name."""
    data = dataclasses.asdict(reading)
    for key in ("started_on", "ended_on", "published_on"):
        data[key] = data[key].isoformat() if data[key] else None
    authority, problem = match_authority(reading.authority_name)
    data["authority_id"] = authority.pk if authority else None
    data["authority"] = str(authority) if authority else None
    if problem:
        data["flags"].insert(0, problem)
    data["file_name"] = file_name
    return data


def _date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


@transaction.atomic
def save_draft(draft, **chosen):
    """Save the draft, with what the admin chose or corrected in `chosen`; return the inspection.

    `chosen` may hold: authority, framework (codes or objects), kind, started_on, ended_on,
    published_on, lead_inspector, overall_grade, grades {area code: grade}, lscb_grade.
    An inspection already recorded (same authority, framework and publication date, or same
    start) is completed, not duplicated; one that already has recommendations is refused.
    """
    values = _values(draft, chosen)
    inspection = _find_or_build(values)
    inspection.full_clean(validate_unique=False)
    inspection.save()
    _save_grades(inspection, values["grades"])
    authority_recs = [r for r in draft["recommendations"] if r["addressed_to"] != "lscb"]
    _add_recommendations(inspection, authority_recs)
    if values["lscb_grade"]:
        _save_lscb_review(inspection, values["lscb_grade"], draft)
    return inspection


def _values(draft, chosen):
    merged = {
        key: chosen.get(key, draft.get(key))
        for key in (
            "kind",
            "started_on",
            "ended_on",
            "published_on",
            "lead_inspector",
            "overall_grade",
            "lscb_grade",
        )
    }
    merged["grades"] = {**draft.get("grades", {}), **chosen.get("grades", {})}
    authority = chosen.get("authority") or draft.get("authority_id")
    framework = chosen.get("framework") or draft.get("framework")
    merged["authority"] = _object(LocalAuthority, authority, "pk", "authority")
    merged["framework"] = _object(Framework, framework, "code", "framework")
    for key in ("started_on", "ended_on", "published_on"):
        merged[key] = _date(merged[key])
    merged["overall_grade"] = merged["overall_grade"] or ""
    merged["lead_inspector"] = merged["lead_inspector"] or ""
    if not merged["kind"]:
        raise ValidationError({"kind": "Choose the kind of inspection."})
    return merged


def _object(model, value, field, name):
    if isinstance(value, model):
        return value
    if value in (None, ""):
        raise ValidationError({name: f"Choose the {name}."})
    try:
        return model.objects.get(**{field: value})
    except model.DoesNotExist as missing:
        raise ValidationError({name: f"There is no {name} {value}."}) from missing


def _find_or_build(values):
    fields = {k: values[k] for k in Inspection.REPORTED_FIELDS}
    inspection = _existing(
        values["authority"],
        values["framework"],
        values["kind"],
        values["started_on"],
        values["published_on"],
    )
    if inspection is None:
        return Inspection(authority=values["authority"], framework=values["framework"], **fields)
    if inspection.recommendations.exists():
        raise ValidationError(
            f"{inspection} is already recorded with its recommendations; "
            "change it on its own page instead."
        )
    for name, value in fields.items():
        setattr(inspection, name, value)
    return inspection


def _existing(authority, framework, kind, started_on, published_on):
    same = Inspection.objects.filter(authority=authority, framework=framework)
    if published_on:
        found = same.filter(published_on=published_on).first()
        if found:
            return found
    return same.filter(kind=kind, started_on=started_on).first()


def _save_grades(inspection, grades):
    areas = {a.code: a for a in JudgementArea.objects.filter(framework=inspection.framework_id)}
    for code, grade in grades.items():
        if code not in areas:
            raise ValidationError(f"{inspection.framework} has no judgement “{code}”.")
        if not grade:
            inspection.judgements.filter(area=areas[code]).delete()
            continue
        judgement = Judgement(inspection=inspection, area=areas[code], grade=grade)
        judgement.clean()
        Judgement.objects.update_or_create(
            inspection=inspection, area=areas[code], defaults={"grade": grade}
        )


def _add_recommendations(inspection, recommendations):
    Recommendation.objects.bulk_create(
        Recommendation(
            inspection=inspection,
            number=r["number"],
            text=r["text"],
            section=r["section"][:100],
            paragraph_refs=r["paragraph_refs"][:100],
            priority=r["priority"],
            addressed_to=r["addressed_to"],
        )
        for r in recommendations
    )


def _save_lscb_review(inspection, grade, draft):
    framework = Framework.objects.get(code="lscb-review")
    review = _existing(
        inspection.authority,
        framework,
        Inspection.Kind.LSCB_REVIEW,
        inspection.started_on,
        inspection.published_on,
    )
    review = review or Inspection(
        authority=inspection.authority, framework=framework, kind=Inspection.Kind.LSCB_REVIEW
    )
    for name in ("started_on", "ended_on", "published_on", "lead_inspector"):
        setattr(review, name, getattr(inspection, name))
    review.overall_grade = grade
    review.conducted_with = inspection
    review.full_clean(validate_unique=False)
    review.save()
    if not review.recommendations.exists():
        _add_recommendations(
            review, [r for r in draft["recommendations"] if r["addressed_to"] == "lscb"]
        )
