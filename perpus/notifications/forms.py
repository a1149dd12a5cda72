from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class EmailPreferenceForm(forms.Form):
    email_notifications = forms.ChoiceField(
        label=_("E-mail me my notifications"),
        choices=get_user_model().EmailNotifications.choices,
        widget=forms.RadioSelect,
        help_text=_("Whatever you choose, every notification is listed here in the portal."),
    )
