"""Access cases for the password reset pages: open to anyone, as they serve people who cannot sign in."""

from tests.access import Case


def reset_link(w):
    return {"uidb64": "MQ", "token": "not-a-real-token"}


CASES = [
    Case("password_reset", public=True, post=frozenset(), scoped=False),
    Case("password_reset_done", public=True, scoped=False),
    Case("password_reset_confirm", kwargs=reset_link, public=True, scoped=False),
    Case("password_reset_complete", public=True, scoped=False),
]
