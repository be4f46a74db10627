"""Stored snapshots of finalised reports, read in today's shape.

A snapshot keeps the schema it was frozen with. An older one is upgraded when it is read (never
rewritten), so a report finalised before the paper was written as blocks still renders, saying
what it said then.
"""

from reports.compose import compose


def upgrade(snapshot):
    """The snapshot with its blocks, whatever schema it was stored with."""
    if snapshot.get("schema", 1) >= 2:
        return snapshot
    return {**snapshot, "schema": 2, "blocks": compose(dict(snapshot))}
