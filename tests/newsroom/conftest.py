import pytest


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free local port; Django's SMTP backend sends to it."""
    from tests.newsroom.servers import SMTPServer

    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 5
        yield server.inbox


@pytest.fixture
def bot_api(settings):
    """A local Bot API for Telegram and Bale channels."""
    from tests.newsroom.servers import BotAPI

    with BotAPI() as server:
        settings.TELEGRAM_API_URL = server.url
        settings.BALE_API_URL = server.url + "/"
        settings.MESSENGER_TIMEOUT = 0.5
        yield server
