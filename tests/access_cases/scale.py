"""Access cases for running the service: the health check is open, as load balancers poll it."""

from tests.access import Case

CASES = [
    Case("health", public=True, scoped=False),
]
