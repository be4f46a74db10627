"""Access cases for running the service: the health check is open, as load balancers poll it, and so
is the accessibility statement."""

from tests.access import Case

CASES = [
    Case("health", public=True, scoped=False),
    # The accessibility statement: the law asks that anyone may read it.
    Case("accessibility", public=True, scoped=False),
]
