"""Readers' comments: posting from a cacheable page, moderation, and what is never shown."""

import re
import time
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom import antispam
from newsroom.models import Comment, PressRelease
from tests.factories import make_comment, make_release, make_site_identity, make_tag

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/newsroom/comment/"


@pytest.fixture
def release():
    return make_release()


def comment_url(release, language="fa"):
    return f"{release.get_absolute_url(language)}comments/"


def comment_data(release, **overrides):
    data = {
        "name": "مریم رضایی",
        "email": "maryam@example.org",
        "body": "برای پیاده‌روی کنار رودخانه سطل زباله بیشتری بگذارید.",
        "website": "",
        "token": antispam.form_token(release),
    }
    return data | overrides


def post_comment(client, release, language="fa", headers=None, **overrides):
    return client.post(
        comment_url(release, language), comment_data(release, **overrides), headers=headers or {}
    )


def token_in(content):
    return re.search(r'<input type="hidden" name="token" value="([^"]+)">', content).group(1)


def comments_section(content):
    return re.search(r'<section id="comments".*?</section>', content, re.S).group()


def comment_form_section(content):
    return re.search(r'<section id="comment-form".*?</section>', content, re.S).group()


def test_comment_is_received_and_waits_for_moderation(client, release):
    response = post_comment(client, release)

    assert response.status_code == 303
    assert response["Location"] == (
        f"{release.get_absolute_url('fa')}?comment=received#comment-form"
    )
    comment = Comment.objects.get()
    assert (comment.release, comment.name, comment.status, comment.language_code) == (
        release,
        "مریم رضایی",
        Comment.Status.PENDING,
        "fa",
    )
    assert re.fullmatch(r"[0-9a-f]{64}", comment.ip_hash)
    assert "127.0.0.1" not in comment.ip_hash


def test_received_flag_shows_notice_on_an_uncachable_variant(client, release):
    post_comment(client, release)

    response = client.get(f"{release.get_absolute_url('fa')}?comment=received")
    content = response.content.decode()

    notice = "نظر شما دریافت شد و پس از تأیید بررسی‌کننده در همین‌جا نمایش داده می‌شود."
    assert notice in comment_form_section(content)
    assert "برای پیاده‌روی" not in comments_section(content)  # still pending
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}


def test_article_page_carries_no_per_visitor_data(client, release):
    response = client.get(release.get_absolute_url("fa"))
    content = response.content.decode()

    assert "csrfmiddlewaretoken" not in content
    assert not response.cookies
    assert "private" not in response.get("Cache-Control", "")
    assert token_in(content) == token_in(Client().get(release.get_absolute_url("fa")).text)


def test_comment_posts_with_the_token_of_a_page_rendered_long_before(release, monkeypatch):
    # The page is rendered a day ago (as a cache might have kept it) by another visitor.
    day_ago = time.time() - timedelta(days=1).total_seconds()
    with monkeypatch.context() as patch:
        patch.setattr("django.core.signing.time.time", lambda: day_ago)
        old_token = token_in(Client().get(release.get_absolute_url("fa")).content.decode())

    response = post_comment(Client(), release, token=old_token)

    assert response.status_code == 303
    assert Comment.objects.count() == 1


def test_token_older_than_its_lifetime_is_refused_and_a_fresh_one_offered(
    client, release, monkeypatch
):
    three_days_ago = time.time() - timedelta(days=3).total_seconds()
    with monkeypatch.context() as patch:
        patch.setattr("django.core.signing.time.time", lambda: three_days_ago)
        stale = antispam.form_token(release)

    response = post_comment(client, release, token=stale)
    content = response.content.decode()

    assert response.status_code == 400
    assert "مهلت این فرم گذشته بود." in content
    assert token_in(content) != stale
    assert "برای پیاده‌روی کنار رودخانه" in content  # the reader's text is kept
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    "token",
    ["", "not-a-token", "tampered:" + "x" * 20],
)
def test_bad_token_stores_nothing(client, release, token):
    response = post_comment(client, release, token=token)

    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_token_of_another_release_stores_nothing(client, release):
    response = post_comment(client, release, token=antispam.form_token(make_release()))

    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_honeypot_filled_stores_nothing(client, release):
    response = post_comment(client, release, website="https://cheap-pills.example")

    assert response.status_code == 400
    assert "نظر شما پذیرفته نشد." in response.content.decode()
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://testserver.evil"])
def test_post_from_another_origin_stores_nothing(client, release, origin):
    response = post_comment(client, release, headers={"Origin": origin})

    assert response.status_code == 403
    assert "نظرها را فقط از صفحه‌های همین وبگاه می‌توان فرستاد." in response.content.decode()
    assert Comment.objects.count() == 0


def test_post_from_own_origin_is_received(client, release):
    response = post_comment(client, release, headers={"Origin": "http://testserver"})

    assert response.status_code == 303
    assert Comment.objects.count() == 1


def test_comment_over_the_limit_in_ten_minutes_is_refused_with_429(client, release):
    statuses = [post_comment(client, release).status_code for _ in range(antispam.RATE_LIMIT)]
    response = post_comment(client, release)

    assert statuses == [303] * antispam.RATE_LIMIT
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "شما در زمان کوتاهی چند نظر فرستاده‌اید." in response.content.decode()
    assert Comment.objects.count() == antispam.RATE_LIMIT


def test_rate_limit_message_is_translated(client, release):
    for _ in range(antispam.RATE_LIMIT):
        post_comment(client, release, language="en")

    response = post_comment(client, release, language="en")

    assert response.status_code == 429
    assert "You have sent several comments in a short time." in response.content.decode()


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_rate_limit_counts_each_client_behind_the_proxy_separately(client, release):
    for _ in range(antispam.RATE_LIMIT):
        post_comment(client, release, headers={"X-Forwarded-For": "5.5.5.5"})

    refused = post_comment(client, release, headers={"X-Forwarded-For": "5.5.5.5"})
    other = post_comment(client, release, headers={"X-Forwarded-For": "6.6.6.6"})

    assert (refused.status_code, other.status_code) == (429, 303)
    assert len(set(Comment.objects.values_list("ip_hash", flat=True))) == 2


def test_refused_posts_leave_the_limit_to_neighbours_on_a_shared_address(client, release):
    # Readers behind one mobile network address: one keeps sending an empty comment.
    refused = [post_comment(client, release, body="").status_code for _ in range(10)]
    accepted = [post_comment(client, release).status_code for _ in range(antispam.RATE_LIMIT)]
    over = post_comment(client, release)

    assert refused == [400] * 10
    assert accepted == [303] * antispam.RATE_LIMIT
    assert over.status_code == 429
    assert Comment.objects.count() == antispam.RATE_LIMIT


def test_flood_of_refused_posts_is_stopped_at_the_attempt_limit(client, release, monkeypatch):
    monkeypatch.setattr(antispam, "ATTEMPT_LIMIT", 8)

    statuses = [post_comment(client, release, body="").status_code for _ in range(9)]
    valid = post_comment(client, release)

    assert statuses == [400] * 8 + [429]
    assert valid.status_code == 429
    assert Comment.objects.count() == 0


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
)
def test_unreachable_cache_refuses_comments_politely_but_pages_still_render(client, release):
    page = client.get(release.get_absolute_url("fa"))
    response = post_comment(client, release)

    assert page.status_code == 200
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert Comment.objects.count() == 0


def test_comment_with_too_many_links_stores_nothing(client, release):
    body = "ببینید http://a.example و www.b.example و c.com"

    response = post_comment(client, release, body=body)
    content = response.content.decode()

    assert response.status_code == 400
    assert (
        '<p class="form-field__error" id="comment-body_error">'
        "لطفاً حداکثر ۲ پیوند بگذارید.</p>" in content
    )
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    "body",
    [
        "ارزان بخرید: cheap.de و cheap.dev و cheap.shop",
        "hxxp://a-spam.example hxxps://b-spam.example/x hxxp://c-spam.example",
        "spam[.]de و spam(dot)shop و spam [.] ir",
        "ｈｔｔｐ：／／ａ．ｄｅ ｂ．ｓｈｏｐ ｃ．ｉｒ",
        "ارزان: a。de b．de c｡de",
        "http://a.de,http://b.de,http://c.de",
        "a.de,b.de,c.de",
        "t.me/spam1 t.me/spam2 تماس: wa.me/98911",
        "فروش ویژه در فروشگاه.ایران و تخفیف.ایران و حراج.ایران",
    ],
)
def test_disguised_links_count_toward_the_limit(client, release, body):
    response = post_comment(client, release, body=body)

    assert response.status_code == 400
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    "body",
    [
        "عدد پی ۳.۱۴ است و 3.14 هم؛ فایل report.pdf و main.py و setup.exe را ببینید.",
        "سلام.خوب هستید؟ ساعت ۸.۳۰ جلسه بود. e.g. i.e. etc.",
        "Ph.D. and M.A. students met at 10.30 a.m.",
    ],
)
def test_text_with_dots_that_are_not_links_is_received(client, release, body):
    response = post_comment(client, release, body=body)

    assert response.status_code == 303


def test_comment_with_two_links_is_received(client, release):
    response = post_comment(client, release, body="جزئیات: https://gorgan.ir و www.gorgan.ir")

    assert response.status_code == 303


def test_name_with_a_link_stores_nothing(client, release):
    response = post_comment(client, release, name="buy-now.com")

    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_comment_over_2000_characters_stores_nothing(client, release):
    response = post_comment(client, release, body="الف" * 700)

    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_form_errors_are_tied_to_their_fields(client, release):
    response = post_comment(client, release, name="", email="not-an-email")
    content = response.content.decode()

    assert response.status_code == 400
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    assert '<label for="comment-name">نام</label>' in content
    name_input = re.search(r'<input type="text" name="name"[^>]*>', content).group()
    assert 'aria-invalid="true"' in name_input
    assert 'aria-describedby="comment-name_error"' in name_input
    assert 'id="comment-name_error"' in content
    email_input = re.search(r'<input type="email" name="email"[^>]*>', content).group()
    assert 'aria-describedby="comment-email_helptext comment-email_error"' in email_input
    assert Comment.objects.count() == 0


def test_comment_to_an_unpublished_release_is_404(client):
    draft = make_release(status=PressRelease.Status.DRAFT)

    response = client.post(
        f"/fa/news/{draft.safe_translation_getter('slug', language_code='fa')}/comments/",
        comment_data(draft),
    )

    assert response.status_code == 404
    assert Comment.objects.count() == 0


def test_get_on_the_comment_address_goes_back_to_the_article(client, release):
    response = client.get(comment_url(release))

    assert response.status_code == 302
    assert response["Location"] == f"{release.get_absolute_url('fa')}#comments"


def test_comment_on_a_release_shown_in_persian_under_english_prefix(client):
    persian_only = make_release(languages=("fa",))
    fallback_page = client.get(persian_only.get_absolute_url("en")).content.decode()
    action = re.search(r'<form class="comment-form" method="post" action="([^"]+)"', fallback_page)

    response = client.post(action.group(1), comment_data(persian_only))

    assert response.status_code == 303
    assert Comment.objects.get().language_code == "en"


def test_only_approved_comments_are_shown(client, release):
    make_comment(release, body="تأییدشده")
    for status in [Comment.Status.PENDING, Comment.Status.REJECTED, Comment.Status.SPAM]:
        make_comment(release, status=status, body=f"نظر {status}")

    section = comments_section(client.get(release.get_absolute_url("fa")).content.decode())

    assert re.findall(r'<p class="comment__body" dir="auto">(.*?)</p>', section) == ["تأییدشده"]


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("fa", 1, "۱ نظر"),
        ("fa", 12, "۱۲ نظر"),
        ("en", 1, "1 comment"),
        ("en", 12, "12 comments"),
        ("zh-hans", 12, "12 条评论"),
    ],
)
def test_comment_count_in_the_reader_language(client, release, language, count, expected):
    for _ in range(count):
        make_comment(release)

    section = comments_section(client.get(release.get_absolute_url(language)).content.decode())

    assert f'<p class="comments__count">{expected}</p>' in section


def test_comment_shows_name_and_jalali_date(client, release):

    moment = timezone.make_aware(datetime(2026, 11, 26, 10, 0))
    make_comment(release, name="علی احمدی", created_at=moment)

    section = comments_section(client.get(release.get_absolute_url("fa")).content.decode())

    assert '<span class="comment__author" dir="auto">علی احمدی</span>' in section
    assert "۵ آذر ۱۴۰۵" in section


def test_emails_are_never_rendered(client, release):
    make_comment(release, email="private.reader@example.org", reply="پاسخ داده شد")
    post_comment(client, release, email="another.reader@example.org", name="")  # 400 re-render

    pages = [client.get(release.get_absolute_url(code)).content.decode() for code in ["fa", "en"]]
    pages.append(post_comment(client, release, name="").content.decode())

    for content in pages:
        assert "private.reader@example.org" not in content
    assert Comment.objects.count() == 1


def test_comment_text_is_escaped(client, release):
    make_comment(release, name="<b>x</b>", body='<script>alert("x")</script>')

    content = client.get(release.get_absolute_url("fa")).content.decode()

    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content


def test_moderation_life_cycle_through_admin(admin_client, admin_user, client, release):
    make_site_identity()
    post_comment(client, release)
    comment = Comment.objects.get()
    article = release.get_absolute_url("fa")

    def shown():
        return "برای پیاده‌روی کنار رودخانه" in comments_section(client.get(article).text)

    assert not shown()

    admin_client.post(CHANGELIST, {"action": "approve", "_selected_action": [comment.pk]})
    assert shown()

    response = admin_client.post(
        f"{CHANGELIST}{comment.pk}/change/",
        {
            "release": release.pk,
            "name": comment.name,
            "email": comment.email,
            "body": comment.body,
            "status": Comment.Status.APPROVED,
            "reply": "سطل‌های جدید هفته آینده نصب می‌شود.",
        },
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.replied_by == admin_user
    section = comments_section(client.get(article).text)
    reply = re.search(r'<div class="comment__reply">.*?</div>', section, re.S).group()
    assert "پاسخ شهرداری گرگان" in reply
    assert "سطل‌های جدید هفته آینده نصب می‌شود." in reply

    admin_client.post(CHANGELIST, {"action": "reject", "_selected_action": [comment.pk]})
    assert not shown()

    admin_client.post(CHANGELIST, {"action": "mark_spam", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert (comment.status, shown()) == (Comment.Status.SPAM, False)
    assert comment.moderated_at is not None


def test_bulk_approve_changes_only_selected_comments(admin_client, release):
    chosen = [make_comment(release, status=Comment.Status.PENDING) for _ in range(3)]
    left = make_comment(release, status=Comment.Status.PENDING)

    admin_client.post(CHANGELIST, {"action": "approve", "_selected_action": [c.pk for c in chosen]})

    assert list(Comment.objects.approved().order_by("pk")) == chosen
    assert list(Comment.objects.pending()) == [left]


def count_queries(client, url):
    client.get(url)  # the site identity and services are cached after any first request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_article_query_count_does_not_grow_with_comments_and_tags(client):
    small = make_release(tags=[make_tag()])
    make_comment(small)
    large = make_release(tags=[make_tag() for _ in range(20)])
    for index in range(20):
        make_comment(large, reply="پاسخ" if index % 2 else "")
    make_release(tags=large.tags.all()[:5])  # something similar to show

    small_count = count_queries(client, small.get_absolute_url("fa"))

    assert count_queries(client, large.get_absolute_url("fa")) == small_count <= 8


def test_admin_comment_list_query_count_does_not_grow(admin_client, release):
    make_comment(release)
    with CaptureQueriesContext(connection) as one:
        admin_client.get(CHANGELIST)
    for _ in range(30):
        make_comment(make_release())
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get(CHANGELIST)

    assert response.status_code == 200
    assert len(many) == len(one)
