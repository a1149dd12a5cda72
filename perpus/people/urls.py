"""People URLs (namespace "people"), included at the site root."""

from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    # /people/: accounts in the user's scope and their invitations
    path("people/", views.person_list, name="person_list"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/access/", views.person_access, name="person_access"),
    path("people/<int:pk>/deactivate/", views.person_deactivate, name="person_deactivate"),
    path("people/<int:pk>/reactivate/", views.person_reactivate, name="person_reactivate"),
    path("people/invite/", views.invite, name="invite"),
    path("people/invitations/", views.invitation_list, name="invitation_list"),
    path("people/invitations/<int:pk>/resend/", views.invitation_resend, name="invitation_resend"),
    path(
        "people/invitations/<int:pk>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    # /invitation/<token>/: the invitee's sign-up (public)
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    # /account/: one's own account
    path("account/", views.my_account, name="my_account"),
    path("account/language/", views.set_language, name="set_language"),
]
