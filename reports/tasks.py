"""Slow work on reports, off the request: a finalised report's PDF and Word files."""

from django_tasks import task

from reports import services


@task()
def render_final_files(report_id):
    """Render the finalised report's PDF and Word files once and keep them in storage."""
    services.store_files(report_id)
