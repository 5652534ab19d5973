from django.conf import settings
from django.utils import translation


class AdminLanguageMiddleware:
    """Serve the admin in Persian unless the staff member chose another language.

    The admin sits outside the language-prefixed URLs, so without this the browser's
    Accept-Language would decide; the office works in Persian, so Persian is the default
    and the language cookie (set by the switcher in the admin header) overrides it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        if request.path_info.startswith(self.admin_prefix):
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            supported = {code for code, _name in settings.LANGUAGES}
            language = chosen if chosen in supported else settings.LANGUAGE_CODE
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
