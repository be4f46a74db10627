"""How the product names a person, the same on every page, export and report."""


def person_name(user):
    """A user's full name, or their username when they have none."""
    return user.get_full_name() or user.get_username()
