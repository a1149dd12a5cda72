"""Language choice: Bahasa Indonesia unless the visitor picked English with the switch."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.deprecation import MiddlewareMixin


class LanguageMiddleware(MiddlewareMixin):
    """Activate the language saved by `set_language` (a cookie), else `LANGUAGE_CODE`.

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language: many
    phones in Indonesia are set to English, and the portal speaks Indonesian first.
    The same URL serves both languages, so responses vary on the cookie.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        try:
            language = translation.get_supported_language_variant(chosen) if chosen else None
        except LookupError:
            language = None
        translation.activate(language or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
