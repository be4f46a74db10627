"""Building a plan in the workspace: the plan, its scope, themes, actions, links and order.

Each function is one transaction; django-simple-history records every row it saves, and a
change to an action goes through the action's version check (services.EditConflict).
"""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.defaultfilters import pluralize

from improvement import services
from improvement.models import Action, ImprovementPlan, Milestone, Theme
from inspections.models import Recommendation

UP, DOWN = "up", "down"
STALE = (
    "Someone else saved this {what} while you were editing it, so your changes were not saved. "
    "The form now shows the {what} as saved: make your changes again."
)
UNSEEN = (
    "Your changes were not saved: the form did not say which version of the {what} it showed, "
    "so they could overwrite someone else's. The form now shows the {what} as saved: make your "
    "changes again."
)


class StaleEdit(ValidationError):
    """The row changed after the form was shown: saving would overwrite someone else's edit."""


def fingerprint(row, names):
    """A digest of the row's values that a form shows, kept in the form (`seen`): a save from a
    form shown before someone else saved is refused rather than overwriting their edit."""
    values = "\x1f".join(str(getattr(row, name)) for name in names)
    return hashlib.sha256(values.encode()).hexdigest()[:20]


def refuse_if_stale(seen, now, what):
    """A save must say what its form showed (`seen`, the fingerprint it was shown with): without
    it, it could be overwriting anything; unlike `now` (the fingerprint of what is saved now),
    someone else saved meanwhile. Either way StaleEdit, and nothing is saved."""
    if not seen:
        raise StaleEdit(UNSEEN.format(what=what))
    if seen != now:
        raise StaleEdit(STALE.format(what=what))


@transaction.atomic
def create_plan(authority, **fields):
    plan = ImprovementPlan(authority=authority, **fields)
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def edit_plan(plan, *, seen, **fields):
    return _edit(plan, fields, seen, "plan")


def _edit(row, fields, seen, what):
    """Save the row's new values under a lock. Saved unchanged, it writes nothing (no history
    row); saved from a form shown before someone else saved, it is refused (StaleEdit)."""
    row = type(row).objects.select_for_update().get(pk=row.pk)
    if _unchanged(row, fields):
        return row
    refuse_if_stale(seen, fingerprint(row, fields), what)
    for name, value in fields.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    return row


def _unchanged(row, fields):
    return all(getattr(row, name) == value for name, value in fields.items())


def by_inspection(recommendations):
    """[[recommendations of one inspection, by number], ...], inspections in the order met."""
    groups = {}
    for recommendation in sorted(recommendations, key=lambda r: r.number):
        groups.setdefault(recommendation.inspection_id, []).append(recommendation)
    return list(groups.values())


def not_ticked(recommendations):
    """Why recommendations of one inspection cannot be in scope, naming the inspection as the
    scope page heads it and what to tick."""
    inspection = recommendations[0].inspection
    numbers = [str(r.number) for r in recommendations]
    listed = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"
    these = "it" if len(numbers) == 1 else "them"
    return (
        f"Recommendation{pluralize(len(numbers))} {listed} of the "
        f"{inspection.get_kind_display().lower()} of {inspection.date_range}: tick “The plan "
        f"answers this inspection” for that inspection, or untick {these}."
    )


@transaction.atomic
def set_scope(plan, inspections, recommendations):
    """The inspections the plan answers and which of their recommendations are in its scope."""
    plan = ImprovementPlan.objects.select_for_update().get(pk=plan.pk)
    inspections = list(inspections)
    foreign = [i for i in inspections if i.authority_id != plan.authority_id]
    if foreign:
        raise ValidationError({"inspections": "An inspection of another authority was chosen."})
    chosen = {i.pk for i in inspections}
    outside = [r for r in recommendations if r.inspection_id not in chosen]
    if outside:
        raise ValidationError({"recommendations": [not_ticked(r) for r in by_inspection(outside)]})
    plan.inspections.set(inspections)
    plan.recommendations.set(recommendations)
    return plan


def _next_position(queryset):
    return (queryset.aggregate(top=Max("position"))["top"] or 0) + 1


@transaction.atomic
def add_theme(plan, title, description="", number=None):
    """A theme after the plan's others, numbered after them unless given its number (as a
    workbook numbers it)."""
    themes = Theme.objects.select_for_update().filter(plan=plan)
    number = number or (themes.aggregate(top=Max("number"))["top"] or 0) + 1
    theme = Theme(
        plan=plan,
        number=number,
        title=title,
        description=description,
        position=_next_position(themes),
    )
    theme.full_clean()
    theme.save()
    return theme


@transaction.atomic
def edit_theme(theme, title, description="", *, seen):
    return _edit(theme, {"title": title, "description": description}, seen, "theme")


@transaction.atomic
def add_action(plan, **fields):
    siblings = Action.objects.select_for_update().filter(plan=plan, theme=fields.get("theme"))
    action = Action(plan=plan, position=_next_position(siblings), **fields)
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def add_milestone(action, title, due_on=None):
    milestone = Milestone(action=action, title=title, due_on=due_on)
    milestone.full_clean()
    milestone.save()
    return milestone


THEME_FIELDS = ("title", "description")
MILESTONE_FIELDS = ("title", "due_on", "completed_on")


@transaction.atomic
def edit_milestone(milestone, *, seen, **fields):
    return _edit(milestone, fields, seen, "milestone")


@transaction.atomic
def delete_milestone(milestone):
    """A milestone the plan no longer has; its history keeps what it was."""
    Milestone.objects.select_for_update().filter(pk=milestone.pk).delete()


@transaction.atomic
def move_theme(theme, direction):
    """Move a theme up or down; the numbers follow the order, so the plan reads 1, 2, 3 down the
    page wherever a theme is shown ("2." above "1." read as a mistake)."""
    themes = list(Theme.objects.select_for_update().filter(plan_id=theme.plan_id))
    numbers = sorted(t.number for t in themes)
    moved = _swap(themes, theme.pk, direction)
    if not moved:
        return
    renumbered = [row for row, number in zip(themes, numbers, strict=True) if row.number != number]
    # Out of the way first, as the plan's numbers are unique at every step.
    top = numbers[-1] + 1
    for offset, row in enumerate(renumbered):
        Theme.objects.filter(pk=row.pk).update(number=top + offset)
    for row, number in zip(themes, numbers, strict=True):
        if row in moved or row in renumbered:
            row.number = number
            row.save(update_fields=["position", "number"])


@transaction.atomic
def move_action(action, direction):
    """Move an action up or down among its theme's actions; both moved actions get a version."""
    siblings = list(
        Action.objects.select_for_update().filter(plan_id=action.plan_id, theme_id=action.theme_id)
    )
    for moved in _swap(siblings, action.pk, direction):
        services.save_with_new_version(moved, ["position"])


def _swap(rows, pk, direction):
    """Number the rows 1..n in their order, swap the chosen one with its neighbour; changed rows."""
    if direction not in (UP, DOWN):
        return []
    index = next(i for i, row in enumerate(rows) if row.pk == pk)
    other = index - 1 if direction == UP else index + 1
    if not 0 <= other < len(rows):
        return []
    rows[index], rows[other] = rows[other], rows[index]
    changed = []
    for position, row in enumerate(rows, start=1):
        if row.position != position:
            row.position = position
            changed.append(row)
    return changed


@transaction.atomic
def link_recommendations(action_pk, version, shown, chosen):
    """Set which of the `shown` recommendations the action answers; others it answers stay.

    The picker can be filtered, so only the recommendations it showed are decided by the post.
    Only recommendations in the plan's scope may be linked.
    """
    action = Action.objects.select_for_update().select_related("plan").get(pk=action_pk)
    if not action.is_version(version):
        raise services.EditConflict(action, [])
    scope = set(action.plan.recommendations.values_list("pk", flat=True))
    outside = [r for r in chosen if r.pk not in scope]
    if outside:
        numbers = ", ".join(str(r.number) for r in outside)
        raise ValidationError(f"Recommendation {numbers} is not in the plan's scope.")
    shown_pks = {r.pk for r in shown}
    kept = [r for r in action.recommendations.all() if r.pk not in shown_pks]
    if {r.pk for r in [*kept, *chosen]} == {r.pk for r in action.recommendations.all()}:
        return action  # saved unchanged: the version stays, so nobody else's form goes stale
    return set_recommendations(action, [*kept, *chosen])


def set_recommendations(action, recommendations):
    """The recommendations the action answers, as a new version of it (an open edit form of the
    action is then refused, not overwritten). The caller has checked them against the scope."""
    action.recommendations.set(recommendations)
    services.save_with_new_version(action, [])
    return action


def recommendations_in_scope(plan, query=""):
    """The plan's scope, numbered as Ofsted numbers them; filtered by number or words."""
    recommendations = plan.recommendations.select_related("inspection").order_by(
        "inspection__started_on", "inspection_id", "number"
    )
    query = query.strip()
    if query.isdecimal():
        return recommendations.filter(number=int(query))
    if query:
        return recommendations.filter(text__icontains=query)
    return recommendations


def recommendations_of(plan_authority_id, pks):
    pks = [pk for pk in pks if str(pk).isdecimal()]
    return list(
        Recommendation.objects.filter(inspection__authority_id=plan_authority_id, pk__in=pks)
    )
