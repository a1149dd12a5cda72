"""Language choice: Bahasa Indonesia unless the visitor picked English with the switch."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.deprecation import MiddlewareMixin


class LanguageMiddleware(MiddlewareMixin):
    """Activate a signed-in person's saved language (`User.language`), else the language
    saved by the switch (a cookie), else `LANGUAGE_CODE`.

    It runs after AuthenticationMiddleware and reads `request.user`, which that loads
    once per request anyway: no extra query.

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language: many
    phones in Indonesia are set to English, and the portal speaks Indonesian first.
    The same URL serves both languages, so responses vary on the cookie.
    """

    def process_request(self, request):
        # Without a session cookie nobody is signed in: do not touch the session, which
        # would add `Vary: Cookie` to public files that proxies should cache.
        signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES and getattr(
            request, "user", None
        ) is not None and request.user.is_authenticated
        if signed_in and request.user.language:
            chosen = request.user.language
        else:
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        try:
            language = translation.get_supported_language_variant(chosen) if chosen else None
        except LookupError:
            language = None
        translation.activate(language or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # A file is the same in both languages: a public one must stay cacheable by proxies
        # (private ones set their own Vary in perpus.uploads.serve_file).
        if not getattr(response, "streaming", False) or "text/html" in response.get("Content-Type", ""):
            patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class RejectNullCharactersMiddleware:
    """Answer 400 with a clear page when the address or a form carries a NUL character.

    PostgreSQL refuses text with NUL bytes, so a `%00` in a search box, a filter or a
    form field would end in a server error wherever a view hands it to a query. No
    person types one; refusing it here, once, keeps every view simple and changes
    nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_null(request):
            from django.shortcuts import render

            return render(request, "errors/400_null.html", status=400)
        return self.get_response(request)

    @staticmethod
    def _has_null(request) -> bool:
        if "\x00" in request.path:
            return True
        sources = [request.GET, request.POST] if request.method == "POST" else [request.GET]
        for data in sources:
            for key, values in data.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    return True
        return False
