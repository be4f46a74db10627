from django.urls import path

from improvement import building_views, bulk_views, views

app_name = "improvement"

urlpatterns = [
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("actions/", views.action_list, name="actions"),
    path("actions/actions.csv", views.action_list_csv, name="actions_csv"),
    path("actions/actions.xlsx", views.action_list_xlsx, name="actions_xlsx"),
    path("actions/<int:pk>/", views.action_detail, name="action"),
    path("actions/<int:pk>/update/", views.add_update, name="add_update"),
    path("actions/<int:pk>/edit/", views.edit_action, name="edit_action"),
    path("actions/<int:pk>/due-date/", views.change_due_date, name="change_due_date"),
    path("evidence/<int:pk>/", views.evidence_file, name="evidence"),
    path("updates/<int:pk>/retract/", views.retract_update, name="retract_update"),
]

# The plan's workbook (export and import in steps) and the reminder opt-out.
from improvement import workbook_views  # noqa: E402

urlpatterns += [
    path("plans/<int:pk>/plan.xlsx", workbook_views.plan_xlsx, name="plan_xlsx"),
    path("plans/<int:pk>/import/", workbook_views.workbook_upload, name="workbook_upload"),
    path(
        "plans/<int:pk>/import/<int:upload_pk>/columns/",
        workbook_views.workbook_columns,
        name="workbook_columns",
    ),
    path(
        "plans/<int:pk>/import/<int:upload_pk>/preview/",
        workbook_views.workbook_preview,
        name="workbook_preview",
    ),
    path(
        "plans/<int:pk>/import/<int:upload_pk>/",
        workbook_views.workbook_status,
        name="workbook_status",
    ),
    path("reminders/", workbook_views.reminder_settings, name="reminder_settings"),
    # Building a plan in the workspace (managers and admins), and the bulk update of actions.
    path("plans/new/", building_views.plan_create, name="plan_create"),
    path("plans/<int:pk>/build/", building_views.plan_build, name="plan_build"),
    path("plans/<int:pk>/edit/", building_views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/scope/", building_views.plan_scope, name="plan_scope"),
    path("plans/<int:pk>/themes/new/", building_views.theme_add, name="theme_add"),
    path("themes/<int:pk>/edit/", building_views.theme_edit, name="theme_edit"),
    path("themes/<int:pk>/move/", building_views.theme_move, name="theme_move"),
    path("plans/<int:pk>/actions/new/", building_views.action_add, name="action_add"),
    path("actions/<int:pk>/move/", building_views.action_move, name="action_move"),
    path(
        "actions/<int:pk>/recommendations/",
        building_views.action_recommendations,
        name="action_recommendations",
    ),
    path("actions/<int:pk>/milestones/new/", building_views.milestone_add, name="milestone_add"),
    path("milestones/<int:pk>/edit/", building_views.milestone_edit, name="milestone_edit"),
    path("milestones/<int:pk>/delete/", building_views.milestone_delete, name="milestone_delete"),
    path("actions/bulk-update/", bulk_views.bulk_update, name="bulk_update"),
]
