"""Who may invite whom: every (inviter role × invited role × place) pair, through the
service and through the invitation form.

Places: "in" is inside a Kalimantan Selatan / Balangan scope, "neighbour" another regency
of the same province (Hulu Sungai Utara), "out" another province (Bali).
"""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from perpus.models import Invitation
from perpus.people import services
from perpus.scopes import Role, can_grant, grantable_roles

pytestmark = pytest.mark.django_db

INVITERS = [
    "program_admin", "consultant", "province_staff", "regency_staff", "library_manager",
    "no_role_user",
]
PLACES = ["in", "neighbour", "out"]
#: The roles each inviter may give somewhere; nobody else gives any.
GRANTABLE = {
    "program_admin": tuple(Role),
    "province_staff": (Role.REGENCY_STAFF, Role.LIBRARY_MANAGER),
    "regency_staff": (Role.LIBRARY_MANAGER,),
}


def expected(inviter: str, role: str, place: str) -> bool:
    if inviter == "program_admin":
        return True
    if inviter == "province_staff":
        return role in (Role.REGENCY_STAFF, Role.LIBRARY_MANAGER) and place in ("in", "neighbour")
    if inviter == "regency_staff":
        return role == Role.LIBRARY_MANAGER and place == "in"
    return False


@pytest.fixture
def places(request, kalsel, bali, balangan, hulu_sungai_utara, badung, library,
           other_regency_library, outside_library):
    """The scope to give each role, by place."""
    return {
        "in": {"province": kalsel, "regency": balangan, "library": library, "provinces": [kalsel]},
        "neighbour": {
            "province": kalsel, "regency": hulu_sungai_utara, "library": other_regency_library,
            "provinces": [kalsel],
        },
        "out": {"province": bali, "regency": badung, "library": outside_library,
                "provinces": [bali]},
    }


def scope_for(role, place):
    needed = {
        Role.PROVINCE_STAFF: ["province"],
        Role.REGENCY_STAFF: ["regency"],
        Role.LIBRARY_MANAGER: ["library"],
        Role.CONSULTANT: ["provinces"],
    }.get(role, [])
    return {field: place[field] for field in needed}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("inviter_name", INVITERS)
def test_service_grants_only_roles_below_and_places_inside(request, places, inviter_name, role, place):
    inviter = request.getfixturevalue(inviter_name)
    scope = scope_for(role, places[place])
    allowed = expected(inviter_name, role, place)
    assert can_grant(
        inviter, role, regency=scope.get("regency"), library=scope.get("library")
    ) is allowed
    assert (role in grantable_roles(inviter)) is (role in GRANTABLE.get(inviter_name, ()))
    call = lambda: services.invite(  # noqa: E731
        inviter=inviter, email="new@example.org", role=role, language="id",
        base_url="http://testserver/", **scope,
    )
    if allowed:
        invitation = call()
        assert invitation.role == role
        assert len(mail.outbox) == 1
    else:
        with pytest.raises(ValidationError):
            call()
        assert not Invitation.objects.exists()
        assert mail.outbox == []


def form_data(role, place):
    data = {"email": "new@example.org", "language": "id", "role": role}
    data["province"] = place["province"].pk
    data["regency"] = place["regency"].pk
    if role == Role.LIBRARY_MANAGER:
        data["library"] = place["library"].pk
    if role == Role.CONSULTANT:
        data["provinces"] = [p.pk for p in place["provinces"]]
    if role == Role.PROVINCE_STAFF:
        data.pop("regency")
    return data


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("inviter_name", INVITERS)
def test_invitation_form_offers_and_accepts_only_what_the_inviter_may_grant(
    request, login, places, inviter_name, role, place
):
    inviter = request.getfixturevalue(inviter_name)
    client = login(inviter)
    response = client.post(reverse("people:invite"), form_data(role, places[place]))
    if inviter_name in ("consultant", "library_manager", "no_role_user"):
        assert response.status_code == 403
    elif expected(inviter_name, role, place):
        assert response.status_code == 302, response.context["form"].errors
        invitation = Invitation.objects.get()
        assert invitation.role == role and invitation.invited_by == inviter
    else:
        assert response.status_code == 200
        assert response.context["form"].errors
    if not expected(inviter_name, role, place):
        assert not Invitation.objects.exists()
        assert mail.outbox == []
