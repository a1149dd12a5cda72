"""Enter a library's monthly statistics: one form per month, re-entering a month updates it."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _

from perpus.errors import show_on_form
from perpus.scopes import can_change

from .. import services
from ..forms import LibraryStatisticForm
from ..models import Library, LibraryStatistic


def _month_from_query(value: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()
    except (TypeError, ValueError):
        return None


@login_required
def library_statistic_edit(request, pk):
    """Form for one month of library `pk`; `?month=YYYY-MM` opens an existing month.

    A save from a form opened on figures someone has saved since is refused (409).
    """
    library = get_object_or_404(Library.objects.for_user(request.user), pk=pk)
    if not can_change(request.user, LibraryStatistic(library=library)):
        raise PermissionDenied
    existing = None
    month = _month_from_query(request.GET.get("month", ""))
    if month:
        existing = LibraryStatistic.objects.filter(library=library, month=month).first()
    initial = {"month": month} if month and not existing else {}
    form = LibraryStatisticForm(
        request.POST or None, instance=existing, initial=initial, user=request.user
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            row, created = services.library_statistic_save(
                library=library,
                month=form.cleaned_data["month"],
                values=form.values(),
                user=request.user,
                expected_version=form.expected_version,
            )
        except services.ConcurrentEditError as error:
            form.add_error(None, error)
            status = 409
        except ValidationError as error:
            show_on_form(form, error)
        else:
            label = formats.date_format(row.month, "YEAR_MONTH_FORMAT")
            messages.success(request, _("The figures for %(month)s are saved.") % {"month": label})
            return redirect(library.get_absolute_url() + "#statistics")
    recent = LibraryStatistic.objects.filter(library=library).order_by("-month")[:12]
    return render(
        request,
        "villages/library_statistic_form.html",
        {"form": form, "library": library, "existing": existing, "recent": recent},
        status=status,
    )
