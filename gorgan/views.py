from django.views.generic import TemplateView

from newsroom.models import PressRelease

HOME_RELEASE_COUNT = 10


class HomeView(TemplateView):
    template_name = "gorgan/home.html"

    def get_context_data(self, **kwargs):
        releases = PressRelease.objects.published().in_language().for_listing().newest_first()
        return super().get_context_data(releases=releases[:HOME_RELEASE_COUNT], **kwargs)
