"""People URLs (namespace "people"), included at the site root."""

from django.urls import path

from perpus.routes import member_paths

from . import views

app_name = "people"

urlpatterns = [
    # /people/: accounts in the user's scope and their invitations
    path("people/", views.person_list, name="person_list"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    *member_paths(
        "people/",
        "person",
        {
            "access": views.person_access,
            "deactivate": views.person_deactivate,
            "reactivate": views.person_reactivate,
        },
    ),
    path("people/invite/", views.invite, name="invite"),
    path("people/invitations/", views.invitation_list, name="invitation_list"),
    *member_paths(
        "people/invitations/",
        "invitation",
        {"resend": views.invitation_resend, "withdraw": views.invitation_withdraw},
    ),
    # /invitation/<token>/: the invitee's sign-up (public)
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    # /account/: one's own account
    path("account/", views.my_account, name="my_account"),
    path("account/language/", views.set_language, name="set_language"),
]
