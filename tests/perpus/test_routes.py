"""URL families built by `perpus.routes`: each page has the path and name of its family."""

from django.views.generic import View

from perpus.models.fields import newest_first
from perpus.routes import editing_paths, member_paths


class Edit(View):
    pass


def view(request, pk):
    return None


def test_editing_paths_name_new_edit_and_delete_after_the_thing():
    create, update, delete = editing_paths("cohorts/", "participation", Edit, view, view)
    assert [str(p.pattern) for p in (create, update, delete)] == [
        "cohorts/new/",
        "cohorts/<int:pk>/edit/",
        "cohorts/<int:pk>/delete/",
    ]
    assert [p.name for p in (create, update, delete)] == [
        "participation_create",
        "participation_update",
        "participation_delete",
    ]
    # A class-based view is served through its `as_view()`; a function as it is.
    assert create.callback.view_class is Edit
    assert update.callback is view


def test_member_paths_give_each_action_on_one_thing_its_page():
    paths = member_paths("people/", "person", {"access": view, "deactivate": Edit})
    assert [(str(p.pattern), p.name) for p in paths] == [
        ("people/<int:pk>/access/", "person_access"),
        ("people/<int:pk>/deactivate/", "person_deactivate"),
    ]


def test_dated_lists_show_the_newest_first_and_break_ties_by_row():
    assert newest_first("signed_on") == ["-signed_on", "-pk"]
