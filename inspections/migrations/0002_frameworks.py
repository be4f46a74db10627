"""Ofsted's frameworks and their judgement areas, as reference data.

A new framework is a new migration like this one, not a new branch in the code.
"""

from django.db import migrations

FOUR_POINT = ["outstanding", "good", "requires_improvement", "inadequate"]
PRE_SIF = ["outstanding", "good", "adequate", "inadequate"]

ILACS_LEADERS = (
    "impact_of_leaders",
    "The impact of leaders on social work practice with children and families",
)
ILACS_HELP = (
    "help_and_protection",
    "The experiences and progress of children who need help and protection",
)

FRAMEWORKS = [
    {
        "code": "lac-2012",
        "short_name": "LAC 2012",
        "name": "Inspection of safeguarding and looked after children services (2012 framework)",
        "in_force_from": "2012-06-01",
        "in_force_until": "2013-11-14",
        "has_overall_grade": True,
        "grade_scale": PRE_SIF,
        "areas": [],
    },
    {
        "code": "sif",
        "short_name": "SIF",
        "name": "Inspection of services for children in need of help and protection, "
        "children looked after and care leavers (single inspection framework)",
        "in_force_from": "2013-11-15",
        "in_force_until": "2017-12-31",
        "has_overall_grade": True,
        "grade_scale": FOUR_POINT,
        "areas": [
            ("help_and_protection", "Children who need help and protection", None),
            ("looked_after", "Children looked after and achieving permanence", None),
            ("adoption", "Adoption performance", "looked_after"),
            ("care_leavers", "Experiences and progress of care leavers", "looked_after"),
            ("leadership", "Leadership, management and governance", None),
        ],
    },
    {
        "code": "lscb-review",
        "short_name": "LSCB review",
        "name": "Review of the effectiveness of the Local Safeguarding Children Board",
        "in_force_from": "2013-11-15",
        "in_force_until": "2018-12-31",
        "has_overall_grade": True,
        "grade_scale": FOUR_POINT,
        "areas": [],
    },
    {
        "code": "ilacs-2018",
        "short_name": "ILACS",
        "name": "Inspecting local authority children's services (ILACS)",
        "in_force_from": "2018-01-01",
        "in_force_until": "2022-12-31",
        "has_overall_grade": True,
        "grade_scale": FOUR_POINT,
        "areas": [
            (*ILACS_LEADERS, None),
            (*ILACS_HELP, None),
            (
                "children_in_care_and_care_leavers",
                "The experiences and progress of children in care and care leavers",
                None,
            ),
        ],
    },
    {
        "code": "ilacs-2023",
        "short_name": "ILACS 2023",
        "name": "Inspecting local authority children's services (ILACS), from January 2023",
        "in_force_from": "2023-01-01",
        "in_force_until": "2026-03-31",
        "has_overall_grade": True,
        "grade_scale": FOUR_POINT,
        "areas": [
            (*ILACS_LEADERS, None),
            (*ILACS_HELP, None),
            ("children_in_care", "The experiences and progress of children in care", None),
            ("care_leavers", "The experiences and progress of care leavers", None),
        ],
    },
    {
        "code": "ilacs-2026",
        "short_name": "ILACS 2026",
        "name": "Inspecting local authority children's services (ILACS), from April 2026: no overall grade",
        "in_force_from": "2026-04-01",
        "in_force_until": None,
        "has_overall_grade": False,
        "grade_scale": FOUR_POINT,
        "areas": [
            (*ILACS_LEADERS, None),
            (*ILACS_HELP, None),
            ("children_in_care", "The experiences and progress of children in care", None),
            ("care_leavers", "The experiences and progress of care leavers", None),
        ],
    },
]


def load(apps, schema_editor):
    Framework = apps.get_model("inspections", "Framework")
    JudgementArea = apps.get_model("inspections", "JudgementArea")
    for spec in FRAMEWORKS:
        spec = dict(spec)
        areas = spec.pop("areas")
        framework, _ = Framework.objects.update_or_create(code=spec.pop("code"), defaults=spec)
        by_code = {}
        for order, (code, name, parent) in enumerate(areas, start=1):
            by_code[code], _ = JudgementArea.objects.update_or_create(
                framework=framework,
                code=code,
                defaults={"name": name, "order": order, "parent": by_code.get(parent)},
            )


def unload(apps, schema_editor):
    codes = [spec["code"] for spec in FRAMEWORKS]
    apps.get_model("inspections", "JudgementArea").objects.filter(
        framework__code__in=codes
    ).delete()
    apps.get_model("inspections", "Framework").objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("inspections", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
