"""Switch a test client's interface language the way the navigation's switch does."""

from django.urls import reverse


def use_language(client, language: str):
    """Post the switch (a cookie; for a signed-in person also their saved language, which
    then wins over any cookie) and return the client."""
    response = client.post(reverse("people:set_language"), {"language": language, "next": "/"})
    assert response.status_code == 302
    return client
