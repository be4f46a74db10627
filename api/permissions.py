"""Who may do what with personal API tokens: the api app's named rules.

Reading the API is core.access.signed_in, as reading a page is: what a person reads comes through
querysets scoped to their authorities. A token is its owner's alone.
"""


def may_revoke_token(user, token):
    """The token's owner (another person's token is not there for them: 404)."""
    return token.user_id == user.pk
