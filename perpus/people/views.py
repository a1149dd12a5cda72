"""People pages: the account list and history, invitations, the invitee's sign-up, one's own
account and the language switch. Access comes from `perpus.scopes` through the querysets'
`for_user`; writes go through `services`."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.i18n import set_language as django_set_language

from perpus.models import Invitation, User
from perpus.pagination import CappedPaginator
from perpus.scopes import has_ability

from . import selectors, services
from .forms import AccessForm, AcceptInvitationForm, InvitationForm, OwnAccountForm, PeopleFilterForm

PER_PAGE = 25


def people_manager_required(view):
    """Sign-in first; then only roles that manage people (others: 403)."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not has_ability(request.user, "manage_people"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _form_errors(form, error: ValidationError) -> None:
    """Put a service's refusal on the form (field errors where it names a field)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _refining(request) -> bool:
    """Whether the form was sent with "Show places": re-render it with narrowed choices."""
    return request.method == "POST" and "refine" in request.POST


def _access_form(form_class, request, initial, **kwargs):
    """The form bound to the POST, or, while refining, unbound with the POST as its initial
    values (so fields not filled in yet show no error)."""
    if _refining(request):
        posted = {**request.POST.dict(), "provinces": request.POST.getlist("provinces")}
        return form_class(initial=posted, **kwargs)
    return form_class(request.POST or None, initial=initial, **kwargs)


def _person(request, pk) -> User:
    """The account `pk` if the user manages it, else 404 (one query)."""
    people = User.objects.for_user(request.user).select_related("province", "regency", "library")
    return get_object_or_404(people, pk=pk)


@require_safe
@people_manager_required
def person_list(request):
    """Accounts in the user's scope, filtered and paged in SQL (a fixed number of queries)."""
    form = PeopleFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    people = selectors.people_list(request.user, filters)
    page = CappedPaginator(people, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "people/person_list.html", {"form": form, "page_obj": page})


@require_safe
@people_manager_required
def person_detail(request, pk):
    """One account: who, what access, and its history (four queries)."""
    person = _person(request, pk)
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "history": selectors.account_history(person),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@people_manager_required
def person_access(request, pk):
    """Change an account's role and scope, within the user's own."""
    person = _person(request, pk)
    initial = {
        "role": person.role,
        "province": person.province_id or (person.regency.province_id if person.regency else None)
        or (person.library.province_id if person.library else None),
        "regency": person.regency_id or (person.library.regency_id if person.library else None),
        "library": person.library_id,
        "provinces": list(person.provinces.all()),
    }
    form = _access_form(AccessForm, request, initial, user=request.user)
    if form.is_bound and form.is_valid():
        try:
            services.change_access(actor=request.user, account=person, **form.access())
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The access of this account was changed."))
            return redirect("people:person_detail", person.pk)
    return render(request, "people/access_form.html", {"form": form, "person": person})


@require_POST
@people_manager_required
def person_deactivate(request, pk):
    return _set_active(request, pk, False)


@require_POST
@people_manager_required
def person_reactivate(request, pk):
    return _set_active(request, pk, True)


def _set_active(request, pk, active: bool):
    person = _person(request, pk)
    try:
        services.set_active(actor=request.user, account=person, active=active)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The account was reactivated.") if active else _("The account was deactivated."),
        )
    return redirect("people:person_detail", person.pk)


@require_http_methods(["GET", "HEAD", "POST"])
@people_manager_required
def invite(request):
    """Invite someone by e-mail with a role and scope the user may grant."""
    form = _access_form(InvitationForm, request, request.GET.dict(), user=request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            services.invite(
                inviter=request.user,
                email=data["email"],
                language=data["language"],
                base_url=request.build_absolute_uri("/"),
                **form.access(),
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request, _("The invitation was sent to %(email)s.") % {"email": data["email"]}
            )
            return redirect("people:invitation_list")
    return render(request, "people/invitation_form.html", {"form": form})


@require_safe
@people_manager_required
def invitation_list(request):
    """Invitations in the user's scope, newest first, paged in SQL (two queries)."""
    status = request.GET.get("status", "pending")
    invitations = selectors.invitation_list(request.user, status)
    page = CappedPaginator(invitations, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "people/invitation_list.html", {"page_obj": page, "status": status})


def _invitation(request, pk) -> Invitation:
    return get_object_or_404(Invitation.objects.for_user(request.user), pk=pk)


@require_POST
@people_manager_required
def invitation_resend(request, pk):
    invitation = _invitation(request, pk)
    try:
        services.resend_invitation(
            actor=request.user, invitation=invitation, base_url=request.build_absolute_uri("/")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("A new link was sent; the old one no longer works."))
    return redirect("people:invitation_list")


@require_POST
@people_manager_required
def invitation_withdraw(request, pk):
    invitation = _invitation(request, pk)
    try:
        services.withdraw_invitation(actor=request.user, invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The invitation was withdrawn."))
    return redirect("people:invitation_list")


@require_http_methods(["GET", "HEAD", "POST"])
def invitation_accept(request, token):
    """The invitee's page: choose a name and password, then land signed in on the start page.

    A used, withdrawn, expired or unknown link gets a page that says so (status 410).
    """
    invitation = services.find_invitation(token)
    if invitation is None or invitation.status != Invitation.Status.PENDING:
        return render(
            request, "people/invitation_invalid.html",
            {"status": invitation.status if invitation else ""}, status=410,
        )
    form = AcceptInvitationForm(
        request.POST or None,
        invitation=invitation,
        initial={"username": invitation.email.split("@")[0]},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.accept_invitation(
                invitation=invitation,
                username=data["username"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                password=data["password1"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome to Perpus. Your account is ready."))
            response = redirect("start")
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language)
            return response
    return render(request, "people/invitation_accept.html", {"form": form, "invitation": invitation})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def my_account(request):
    """A person's own details, interface language and e-mail notifications."""
    user = request.user
    # A copy to bind: validating a ModelForm writes to its instance, and the service compares
    # the stored values with the new ones to record what changed.
    form = OwnAccountForm(request.POST or None, instance=User.objects.get(pk=user.pk))
    if request.method == "POST" and form.is_valid():
        values = {field: form.cleaned_data[field] for field in services.OWN_FIELDS}
        try:
            services.update_own_account(user=user, **values)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your details were saved."))
            response = redirect("people:my_account")
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language)
            return response
    return render(request, "people/my_account.html", {"form": form})


@csrf_exempt
@require_POST
def set_language(request):
    """The navigation's language switch: Django's `set_language` (the cookie), and for a
    signed-in person also their saved language, so it follows them to other devices.

    Public pages carry no CSRF token (one cached copy serves every visitor), so the cookie
    alone is set without one: a forged request can only switch a visitor's language. Saving
    to a person's account needs the token their (never cached) pages carry."""
    if request.user.is_authenticated:
        return _set_own_language(request)
    return django_set_language(request)


@csrf_protect
def _set_own_language(request):
    language = request.POST.get("language", "")
    if language in dict(settings.LANGUAGES):
        services.update_own_account(user=request.user, language=language)
    return django_set_language(request)

