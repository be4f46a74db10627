"""The authorities' named rules: who may change a person's account in the admin."""

from authorities.access import administered_by, reads_internal_anywhere


def may_manage_account(admin, person):
    """Whether an admin may change a person's account (password, username, email, names, every
    membership): a platform superuser may; an authority admin only if each of the person's
    memberships is in an authority they administer. A person who also belongs to another
    authority, and a superuser, keep their account as it is."""
    if admin.is_superuser:
        return True
    if person.is_superuser:
        return False
    return not person.memberships.exclude(authority__in=administered_by(admin)).exists()


def may_read_internal_work(user):
    """The council's own people of some authority: the menu's links to its internal work (audits,
    self-evaluations), which a partner agency's people never read."""
    return reads_internal_anywhere(user)
