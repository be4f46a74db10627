"""Plans made before scopes existed answer every recommendation of the inspections they answer."""

from django.db import migrations


def scope_every_recommendation(apps, schema_editor):
    ImprovementPlan = apps.get_model("improvement", "ImprovementPlan")
    Recommendation = apps.get_model("inspections", "Recommendation")
    for plan in ImprovementPlan.objects.all():
        plan.recommendations.set(
            Recommendation.objects.filter(inspection__in=plan.inspections.all())
        )


class Migration(migrations.Migration):
    dependencies = [("improvement", "0002_plan_scope_and_history")]

    operations = [migrations.RunPython(scope_every_recommendation, migrations.RunPython.noop)]
