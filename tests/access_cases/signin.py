"""Access cases for signing in with a council account: its start and the provider's answer are
for the anonymous (with single sign-on off, as here, both send back to the sign-in page); the page
of a person with no role is for anyone signed in (those with a role are sent home)."""

from tests.access import Case

CASES = [
    Case("signin:start", public=True, scoped=False),
    Case("signin:callback", public=True, scoped=False),
    Case("signin:waiting", scoped=False),
]
