"""Forms for people: invitations, access, the invitee's sign-up, one's own account, the list's
filters. Each form that gives access takes `user=` and offers only what that user may grant.

Places narrow step by step, without JavaScript: the regency list follows the chosen
province, the library list the chosen regency (the "Show places" button re-renders the
form with the choices narrowed). No list holds more than one province's regencies or one
regency's libraries.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from perpus.models import NEEDED_PLACE
from perpus.scopes import Role, grantable_roles, scope_of

User = get_user_model()
# The places an account works in, reached through its own foreign keys: the core names the
# villages app only in those string references and imports none of its modules.
Province, Regency, Library = (
    User._meta.get_field(name).related_model for name in ("province", "regency", "library")
)


def _value(form, name):
    """The raw value of field `name` in the submitted data, else the initial value."""
    if form.is_bound:
        value = form.data.get(form.add_prefix(name))
    else:
        value = form.initial.get(name)
    value = getattr(value, "pk", value)
    return str(value) if value not in (None, "") else None


class AccessForm(forms.Form):
    """A role and the place it works in, narrowed to what the user may grant."""

    role = forms.ChoiceField(label=_("role"))
    province = forms.ModelChoiceField(
        Province.objects.none(), label=_("province"), required=False,
        help_text=_("For province staff; for other roles, choose it to list its regencies."),
    )
    regency = forms.ModelChoiceField(
        Regency.objects.none(), label=_("regency/city"), required=False,
        help_text=_("For regency staff; for library managers, choose it to list its libraries."),
    )
    library = forms.ModelChoiceField(
        Library.objects.none(), label=_("library"), required=False,
        help_text=_("For library managers."),
    )
    provinces = forms.ModelMultipleChoiceField(
        Province.objects.none(), label=_("assigned provinces"), required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("For consultants."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        scope = scope_of(user)
        self.fields["role"].choices = [("", "---------")] + [
            (role.value, role.label) for role in grantable_roles(user)
        ]
        province = _value(self, "province")
        regency = _value(self, "regency")
        libraries = Library.objects.order_by("name")
        if scope.is_national:
            self.fields["province"].queryset = Province.objects.order_by("name")
            self.fields["provinces"].queryset = Province.objects.order_by("name")
            self.fields["regency"].queryset = (
                Regency.objects.filter(province_id=province).order_by("name")
                if province else Regency.objects.none()
            )
            if regency:
                libraries = libraries.filter(regency_id=regency)
            elif province:  # the province's own libraries, outside any regency
                libraries = libraries.filter(province_id=province, regency__isnull=True)
            else:
                libraries = libraries.none()
        else:
            for name in ("province", "provinces"):
                del self.fields[name]
            if scope.role == Role.PROVINCE_STAFF:
                self.fields["regency"].queryset = Regency.objects.filter(
                    province_id__in=scope.province_ids
                ).order_by("name")
                libraries = libraries.filter(province_id__in=scope.province_ids)
                libraries = (
                    libraries.filter(regency_id=regency) if regency
                    else libraries.filter(regency__isnull=True)
                )
            else:
                del self.fields["regency"]
                libraries = libraries.filter(regency_id=scope.regency_id)
        self.fields["library"].queryset = libraries

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role in NEEDED_PLACE:
            field, message = NEEDED_PLACE[role]
            if field in self.fields and not cleaned.get(field) and field not in self.errors:
                self.add_error(field, message)
        return cleaned

    def access(self) -> dict:
        """The cleaned role and scope, as keyword arguments for the services."""
        data = self.cleaned_data
        return {
            "role": data["role"],
            "province": data.get("province"),
            "regency": data.get("regency"),
            "library": data.get("library"),
            "provinces": list(data.get("provinces") or []),
        }


class InvitationForm(AccessForm):
    email = forms.EmailField(label=_("e-mail"))
    language = forms.ChoiceField(
        label=_("language of the invitation"), choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        help_text=_("The mail and, at first, the portal speak this language to the person."),
    )
    field_order = ["email", "language", "role", "province", "regency", "library", "provinces"]


class AcceptInvitationForm(forms.Form):
    """The invitee's name, user name and password (checked by Django's password validators)."""

    first_name = forms.CharField(label=_("first name"), max_length=150)
    last_name = forms.CharField(label=_("last name"), max_length=150, required=False)
    username = forms.CharField(
        label=_("user name"), max_length=150, validators=[User.username_validator],
        help_text=_("You sign in with it. Letters, digits and @ . + - _ only."),
    )
    password1 = forms.CharField(
        label=_("password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("password again"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This user name is taken; choose another."))
        return username

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            candidate = User(
                username=cleaned.get("username", ""), email=self.invitation.email,
                first_name=cleaned.get("first_name", ""), last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class OwnAccountForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "phone", "language", "email_notifications"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True


class PeopleFilterForm(forms.Form):
    """The People list's filters (GET), narrowed to the user's scope."""

    NEVER, DAYS_30, DAYS_90 = "never", "30", "90"

    q = forms.CharField(label=_("Name, user name or e-mail"), required=False, max_length=100)
    role = forms.ChoiceField(label=_("role"), required=False)
    province = forms.ModelChoiceField(Province.objects.none(), label=_("province"), required=False)
    regency = forms.ModelChoiceField(Regency.objects.none(), label=_("regency/city"), required=False)
    last_login = forms.ChoiceField(
        label=_("last sign-in"), required=False,
        choices=[("", _("any time")), (NEVER, _("never")), (DAYS_30, _("not in 30 days")),
                 (DAYS_90, _("not in 90 days"))],
    )
    active = forms.ChoiceField(
        label=_("status"), required=False,
        choices=[("", _("active")), ("inactive", _("deactivated")), ("all", _("all"))],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = scope_of(user)
        self.fields["role"].choices = [("", _("all roles"))] + [
            (role.value, role.label) for role in grantable_roles(user)
        ]
        province = _value(self, "province")
        if scope.is_national:
            self.fields["province"].queryset = Province.objects.order_by("name")
            self.fields["regency"].queryset = (
                Regency.objects.filter(province_id=province).order_by("name")
                if province else Regency.objects.none()
            )
        else:
            del self.fields["province"]
            if scope.role == Role.PROVINCE_STAFF:
                self.fields["regency"].queryset = Regency.objects.filter(
                    province_id__in=scope.province_ids
                ).order_by("name")
            else:
                del self.fields["regency"]
