from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand

from workspace.audit_demo import demo_recorder, load_gateshead_audits
from workspace.demo import create_demo_users, tie_demo_evidence
from workspace.demo_self_evaluation import load_gateshead_self_evaluation

# The DfE's statistical neighbour models (fixtures/README.md), for the reports' comparison grid.
NEIGHBOUR_MODELS = ["New_Statistical_Neighbour_Groupings_April_2021.csv", "sn_model_2025_wide.csv"]


class Command(BaseCommand):
    help = (
        "Load the demo: authorities, the seed papers' data, the national Ofsted picture, demo "
        "users and Gateshead's self-evaluation."
    )

    def handle(self, *args, **options):
        # The seeds go in before the national import, which then matches and updates them.
        fixtures = ["authorities", "seeds"]
        if apps.is_installed("reports"):
            fixtures.append("reports")
        fixtures += ["indicators"] if apps.is_installed("indicators") else []
        call_command("loaddata", *fixtures, verbosity=1)
        if "import_national" in get_commands():
            call_command("import_national", verbosity=1)
        if "import_neighbours" in get_commands():
            for model in NEIGHBOUR_MODELS:
                call_command("import_neighbours", settings.BASE_DIR / "fixtures" / "dfe" / model)
        logins = create_demo_users()
        added = load_gateshead_audits(recorded_by=demo_recorder())
        if added:
            self.stdout.write(f"Gateshead's audits (invented, fixtures/README.md): {added} added.")
        tie_demo_evidence()
        # Drafted by the demo's manager, from everything loaded above.
        load_gateshead_self_evaluation(by=get_user_model().objects.get(username="manager"))
        self.stdout.write("Drafted Gateshead's self-evaluation as at 28 November 2025.")
        self.stdout.write(self.style.SUCCESS("\nDemo users (passwords are new on every start):"))
        for username, password, role in logins:
            self.stdout.write(f"  {username:<18} {password:<14} {role}")
        self.stdout.write(
            "Sign in at http://127.0.0.1:8000/ (the Django admin is at /admin/, user 'admin').\n"
        )
