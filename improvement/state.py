"""An action as at a date: the one read of its state that every page, export, email and paper makes.

`standing_updates` is the one function that finds an action's standing update: its newest update
not retracted and reported by the date (`with_standing_on` is the same rule in SQL, for the day it
was reported alone). `action_states` builds, for many actions at once and in a fixed number of
queries, what each stood at on that day: RAG and its words, status, due date, lead, whether it was
overdue and whether an update was due.

As at today the RAG, status and due date are the action's own columns, which the services keep
(services.add_progress_update, retract_progress_update, change_due_date, edit_action), so the
pages that list many actions read nothing more. As at an earlier day they are worked back: an
update reported after the day does not count, and a due date changed after it stands as it was
before the change. A day after today is today: nothing is known of the future.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from improvement.models import (
    Action,
    DueDateChange,
    ImprovementPlan,
    ProgressUpdate,
    Rag,
    first_of_each,
    rag_words,
)

COMPLETE = Action.Status.COMPLETE
DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class ActionState:
    """An action as it stood at the end of `as_at`."""

    action: Action
    as_at: date
    rag: str
    status: str
    due_on: date | None
    overdue: bool
    # The standing update then, and whether one was due by the plan's update cycle; both None
    # where the updates were not read (action_states(..., updates=False)).
    update: ProgressUpdate | None
    update_due: bool | None
    # The due date's changes made by then, oldest first; None where they were not read.
    due_date_changes: tuple[DueDateChange, ...] | None

    @property
    def rag_words(self) -> str:
        return rag_words(self.rag)

    @property
    def status_words(self) -> str:
        return Action.Status(self.status).label

    @property
    def lead(self) -> str:
        return self.action.lead

    @property
    def due_soon(self) -> bool:
        """Due within the next DUE_SOON_DAYS days, and not complete."""
        soon = self.as_at + timedelta(days=DUE_SOON_DAYS)
        return bool(self.due_on and self.as_at <= self.due_on <= soon and self.status != COMPLETE)


def is_overdue(due_on: date | None, status: str, day: date) -> bool:
    """Its due date passed before the day, and it is not complete (in SQL: overdue_on)."""
    return bool(due_on and due_on < day and status != COMPLETE)


def overdue_on(actions: QuerySet, day: date) -> QuerySet:
    """The actions overdue on the day by their stored columns: is_overdue's rule, in SQL."""
    return actions.filter(due_on__lt=day).exclude(status=COMPLETE)


def missed_milestones(milestones: QuerySet, day: date) -> QuerySet:
    """The milestones missed on the day: Milestone.missed_on's rule, in SQL."""
    return milestones.filter(due_on__lt=day, completed_on__isnull=True)


def standing_updates(action_ids: Iterable[int], as_at: date | None = None) -> dict:
    """{action id: its standing update as at the day (today if None)}, in one query: the newest
    update not retracted and reported by then. Actions with none are left out."""
    updates = ProgressUpdate.objects.current().filter(action_id__in=list(action_ids))
    if as_at is not None:
        updates = updates.filter(reported_on__lte=as_at)
    newest = first_of_each(
        updates.select_related("author", "organisation"), "action", ProgressUpdate._meta.ordering, 1
    )
    return {update.action_id: update for update in newest}


def with_standing_on(actions: QuerySet, as_at: date | None = None) -> QuerySet:
    """The actions, each with the day its standing update as at the day (today if None) was
    reported, or None, as `standing_on`: standing_updates's rule as a subquery of the actions' own
    query. For lists that show whether an update is due and not the update: action_states reads
    it where it reads no update."""
    return actions.annotate(standing_on=Subquery(_standing(as_at).values("reported_on")[:1]))


def with_standing_update(actions: QuerySet, as_at: date | None = None) -> QuerySet:
    """As with_standing_on, and the standing update's id as `standing_id`: for rows that name the
    update without reading it (the API's actions list)."""
    standing = _standing(as_at)
    return actions.annotate(
        standing_on=Subquery(standing.values("reported_on")[:1]),
        standing_id=Subquery(standing.values("pk")[:1]),
    )


def _standing(as_at):
    """An action's updates, newest first, that may stand at the day: standing_updates's rule,
    as a subquery of the actions' query."""
    updates = ProgressUpdate.objects.current().filter(
        action=OuterRef("pk"), reported_on__lte=as_at or timezone.localdate()
    )
    return updates.order_by(*ProgressUpdate._meta.ordering)


def standing_update(action: Action, as_at: date | None = None) -> ProgressUpdate | None:
    return standing_updates([action.pk], as_at).get(action.pk)


def action_state(action: Action, as_at: date | None = None, **reads) -> ActionState:
    return action_states([action], as_at, **reads)[0]


def action_states(
    actions: Iterable[Action],
    as_at: date | None = None,
    *,
    updates: bool = True,
    due_date_changes: bool = False,
) -> list[ActionState]:
    """Each action's state as at the day (today if None), in the order given.

    `updates=False` reads no update as at today (for lists that show none, at no query): the
    state's update is then None, and so is update_due, unless the actions were read
    with_standing_on (as at the same day). `due_date_changes=True` lists each action's due-date
    changes made by then. The queries are as many whatever the number of actions: at most four,
    and none per action.
    """
    actions = list(actions)
    today = timezone.localdate()
    as_at = min(as_at or today, today)
    past = as_at < today
    updates = updates or past  # an earlier day's state is worked out from its updates
    days = updates or all(hasattr(action, "standing_on") for action in actions)
    ids = [action.pk for action in actions]
    standing = standing_updates(ids, as_at) if updates else {}
    cycles = _update_cycles(actions) if days else {}
    since = _reported_since(ids, as_at) if past else set()
    changes = _due_date_changes(ids) if due_date_changes or past else None
    states = []
    for action in actions:
        update = standing.get(action.pk)
        made = changes.get(action.pk, []) if changes is not None else None
        rag, status, due_on = _then(action, past, as_at, update, action.pk in since, made)
        day = (update and update.reported_on) if updates else getattr(action, "standing_on", None)
        update_due = _update_due(status, day, as_at, cycles[action.plan_id]) if days else None
        states.append(
            ActionState(
                action=action,
                as_at=as_at,
                rag=rag,
                status=status,
                due_on=due_on,
                overdue=is_overdue(due_on, status, as_at),
                update=update,
                update_due=update_due,
                due_date_changes=None if made is None else _made_by(made, as_at),
            )
        )
    return states


def _update_due(status, reported_on, as_at, weeks):
    """Not complete, and no update within the plan's update cycle before the day."""
    if status == COMPLETE:
        return False
    return reported_on is None or reported_on < as_at - timedelta(weeks=weeks)


def _then(action, past, as_at, update, reported_since, changes):
    """(RAG, status, due date) at the end of `as_at`: the stored columns, as at today."""
    if not past:
        return action.rag, action.status, action.due_on
    # With no update by then: rated in the plan and never reported on since, that rating stands.
    no_update = "" if reported_since else action.rag
    rag = update.rag if update is not None else no_update
    if rag == Rag.BLUE:
        status = COMPLETE
    elif reported_since:
        # The status now came, or may have come, from what was reported after the day.
        status = Action.Status.IN_PROGRESS if update else Action.Status.NOT_STARTED
    else:
        status = action.status
    later = [change for change in changes if _day_of(change) > as_at]
    due_on = later[0].old_due_on if later else action.due_on
    return rag, status, due_on


def _day_of(change):
    return timezone.localdate(change.changed_at)


def _made_by(changes, as_at):
    return tuple(change for change in changes if _day_of(change) <= as_at)


def _reported_since(ids, as_at):
    """The actions with a standing update reported after the day."""
    later = ProgressUpdate.objects.current().filter(action_id__in=ids, reported_on__gt=as_at)
    return set(later.values_list("action_id", flat=True).distinct())


def _due_date_changes(ids):
    by_action = {}
    for change in DueDateChange.objects.filter(action_id__in=ids).order_by("changed_at", "pk"):
        by_action.setdefault(change.action_id, []).append(change)
    return by_action


def _update_cycles(actions):
    """{plan id: its update cycle in weeks}, from the actions' plans where they were fetched, or
    from their `plan_update_cycle_weeks` where it was read with them (the API's actions list)."""
    cycles = {}
    for a in actions:
        if Action.plan.is_cached(a):
            cycles[a.plan_id] = a.plan.update_cycle_weeks
        elif hasattr(a, "plan_update_cycle_weeks"):
            cycles[a.plan_id] = a.plan_update_cycle_weeks
    missing = {a.plan_id for a in actions} - set(cycles)
    if missing:
        plans = ImprovementPlan.objects.filter(pk__in=missing).order_by()
        cycles.update(plans.values_list("pk", "update_cycle_weeks"))
    return cycles
