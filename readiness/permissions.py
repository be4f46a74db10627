"""Who may tie evidence of impact to a plan: the readiness app's named rules.

The readiness page itself is read by the council's own people of the plan's authority
(core.access.signed_in, through authorities.access.scoped_internal): officers, managers, admins and
committee members. A partner agency's people read the plan, not the council's internal work (its
audits and evidence of impact): for them the page is not there (404).

Evidence of impact is the council's answer to Ofsted's "how do you know?", which the managers
put their names to in the self-evaluation: managers and admins of the authority add, change and
remove it, as they edit the plan. Officers bring their evidence as the files and links of their
progress updates (improvement), which a manager then ties as evidence of impact with a sentence
saying what it shows.
"""

from authorities.access import manages, reads_internal


def may_tie_evidence(user, plan):
    """Managers and admins of the plan's authority: new evidence of impact for the plan."""
    return manages(user, plan.authority_id)


def may_change_evidence(user, evidence):
    """Managers and admins of the evidence's authority: change or remove it."""
    return manages(user, evidence.plan.authority_id)


def may_read_readiness(user, plan):
    """The council's own people of the plan's authority: its readiness page (for the links to it;
    the page itself reads through authorities.access.scoped_internal)."""
    return reads_internal(user, plan.authority_id)
