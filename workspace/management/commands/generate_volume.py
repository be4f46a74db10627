import datetime
import time

from django.core.management.base import BaseCommand, CommandError

from authorities.models import LocalAuthority
from workspace import volume


def action_range(value):
    try:
        low, _, high = value.partition("-")
        low, high = int(low), int(high or low)
    except ValueError as error:
        raise CommandError(f"--actions must be a range such as 100-300, not “{value}”.") from error
    if not 1 <= low <= high:
        raise CommandError(f"--actions {value}: the range must run from 1 upwards.")
    return low, high


class Command(BaseCommand):
    help = (
        "Generate a plan of 100-300 actions with an update every 4 weeks for two years and 10 "
        "users for each authority (load the authorities fixture first). Reproducible from --seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--authorities", type=int, default=None, help="How many (by name); default all."
        )
        parser.add_argument("--actions", default="100-300", help="Actions per plan, low-high.")
        parser.add_argument(
            "--start",
            type=datetime.date.fromisoformat,
            default=None,
            help="First day of the plans (YYYY-MM-DD); default two years ago today.",
        )
        parser.add_argument("--password", default="volume-password-1", help="Every user's.")

    def handle(self, *args, **options):
        authorities = LocalAuthority.objects.filter(is_current=True).order_by("name")
        if not authorities.exists():
            raise CommandError("No authorities: run `manage.py loaddata authorities` first.")
        authorities = list(authorities[: options["authorities"]])
        taken = [a.name for a in authorities if a.plans.exists()]
        if taken:
            raise CommandError(
                f"{len(taken)} authorities already have plans (first: {taken[0]}); "
                "generate into a database without them."
            )
        began = time.perf_counter()
        totals = volume.generate(
            authorities,
            seed=options["seed"],
            actions=action_range(options["actions"]),
            start=options["start"],
            password=options["password"],
        )
        seconds = time.perf_counter() - began
        self.stdout.write(
            f"{totals['authorities']} authorities, {totals['users']} users, "
            f"{totals['actions']} actions, {totals['updates']} progress updates "
            f"in {seconds:.1f} s. Users are la<DfE code>-<role>-<n> (la301-officer-1), "
            f"password {options['password']!r}."
        )
