"""The notices of the signed-in person: the list, marking read, the e-mail choice.

Only the recipient reaches a notice: anyone else's is a 404. Every change is a POST.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from perpus.pagination import CappedPaginator

from . import services
from .forms import EmailPreferenceForm
from .models import Notification

PER_PAGE = 20


def _safe(request, url: str) -> str | None:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


def _back(request):
    return redirect(_safe(request, request.POST.get("next", "")) or "notifications:list")


@require_safe
@login_required
def notification_list(request):
    """The person's notices, newest first, 20 a page; `?show=unread` for the unread ones.
    Two queries (a capped count and the page) besides the navigation's unread count."""
    notices = Notification.objects.for_recipient(request.user)
    unread_only = request.GET.get("show") == "unread"
    if unread_only:
        notices = notices.unread()
    page = CappedPaginator(notices, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/notification_list.html",
        {"page_obj": page, "notices": page.object_list, "unread_only": unread_only},
    )


def _own(request, pk) -> Notification:
    return get_object_or_404(Notification.objects.for_recipient(request.user), pk=pk)


@require_POST
@login_required
def notification_open(request, pk):
    """Mark the notice read and go to what it is about."""
    notice = _own(request, pk)
    services.notification_mark_read(user=request.user, notification=notice)
    return redirect(_safe(request, notice.url) or "notifications:list")


@require_POST
@login_required
def notification_read(request, pk):
    """Mark the notice read, or unread again with `read=0`."""
    notice = _own(request, pk)
    services.notification_mark_read(
        user=request.user, notification=notice, read=request.POST.get("read", "1") != "0"
    )
    return _back(request)


@require_POST
@login_required
def notification_read_all(request):
    count = services.notification_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All your notifications are marked read."))
    return _back(request)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def notification_settings(request):
    """How the person wants notices by e-mail: immediately, in a daily digest, or not at all."""
    form = EmailPreferenceForm(
        request.POST or None, initial={"email_notifications": request.user.email_notifications}
    )
    if request.method == "POST" and form.is_valid():
        services.email_preference_set(user=request.user, choice=form.cleaned_data["email_notifications"])
        messages.success(request, _("Your choice is saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/notification_settings.html", {"form": form})
