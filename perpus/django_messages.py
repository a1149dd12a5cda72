"""Django's own texts that the portal translates better than Django's catalogue.

Our `locale/` is searched before Django's, so an entry here wins. These calls only
mark the texts for `makemessages`, which would otherwise drop them from our
catalogue: Django's Indonesian has typos ("Autentidikasi", "Diadakan") and a login
error that reads "nama pengguna nama pengguna".
"""

from django.utils.translation import gettext_noop

OVERRIDDEN = [
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, "
        "they may still be able to authenticate using other backends, such as Single Sign-On "
        "or LDAP."
    ),
    gettext_noop(
        "Please enter a correct %(username)s and password. Note that both fields may be "
        "case-sensitive."
    ),
    gettext_noop(
        "Please enter the correct %(username)s and password for a staff account. Note that "
        "both fields may be case-sensitive."
    ),
]
