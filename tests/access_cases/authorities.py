"""Access cases for the authority page: every member of the authority reads it; others get 404."""

from tests.access import Case


def authority_pk(w):
    return {"pk": w.a.authority.pk}


CASES = [
    Case("inspections:authority", kwargs=authority_pk),
]
