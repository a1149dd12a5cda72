"""Demo accounts, one per role, for the seed stories, and the quiet in which the demo is made."""

from django.contrib.auth import get_user_model

from villages.models import Province, Regency

from .notifications.services import notices_off
from .scopes import Role

DEMO_PASSWORD = "perpus-demo"

# (username, first name, last name, role)
ACCOUNTS = [
    ("admin", "Admin", "Perpusnas", Role.ADMIN),
    ("konsultan", "Syaicho", "Aziz", Role.CONSULTANT),
    ("staf_ntt", "Stefanus", "Oedjoe", Role.PROVINCE_STAFF),
    ("staf_balangan", "Tamrin", "", Role.REGENCY_STAFF),
    ("pengelola_lampihong", "Siti", "Rahmah", Role.LIBRARY_MANAGER),
]


def seed_accounts(libraries) -> list:
    """Create the demo accounts if missing (idempotent); return them in role order."""
    User = get_user_model()
    scope = {
        "staf_ntt": {"province": Province.objects.get(pk="53")},
        "staf_balangan": {"regency": Regency.objects.get(pk="63.11")},
        "pengelola_lampihong": {"library": libraries["lampihong_kanan"]},
    }
    users = []
    for username, first, last, role in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@demo.perpus.local",
                role=role,
                is_staff=role == Role.ADMIN,
                is_superuser=role == Role.ADMIN,
                **scope.get(username, {}),
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            if role == Role.CONSULTANT:
                user.provinces.set(Province.objects.filter(pk__in=["82", "53", "63", "51", "35"]))
        users.append(user)
    return users


def without_notices():
    """Run the block giving no notice and queuing no mail: demo data is not news (its
    records are reviewed through the services, which tell people as they go)."""
    return notices_off()
