from django.urls import path

from . import feeds, press_views, subscription_views, views

app_name = "newsroom"

urlpatterns = [
    path("", views.ReleaseListView.as_view(), name="release-list"),
    path("feed/rss/", feeds.LatestReleasesFeed(), name="feed-rss"),
    path("feed/atom/", feeds.LatestReleasesAtomFeed(), name="feed-atom"),
    path(
        "archive/<int:year>/<int:month>/",
        views.ArchiveMonthView.as_view(),
        name="archive-month",
    ),
    path("section/<uslug:slug>/", views.SectionDetailView.as_view(), name="section-detail"),
    path("tags/<uslug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
    path("preview/<str:token>/", views.ReleasePreviewView.as_view(), name="release-preview"),
    path("tags/<uslug:slug>/feed/rss/", feeds.TagReleasesFeed(), name="tag-feed-rss"),
    path("tags/<uslug:slug>/feed/atom/", feeds.TagReleasesAtomFeed(), name="tag-feed-atom"),
    path("subscribe/", subscription_views.SubscribeView.as_view(), name="subscribe"),
    path("subscribe/sent/", subscription_views.subscription_sent, name="subscription-sent"),
    path(
        "subscribe/confirm/<str:token>/",
        subscription_views.ConfirmView.as_view(),
        name="subscription-confirm",
    ),
    path(
        "subscribe/preferences/<str:token>/",
        subscription_views.PreferencesView.as_view(),
        name="subscription-preferences",
    ),
    path(
        "subscribe/unsubscribe/<str:token>/",
        subscription_views.UnsubscribeView.as_view(),
        name="subscription-unsubscribe",
    ),
    path("press/<str:token>/", press_views.PressRoomView.as_view(), name="press-room"),
    path(
        "press/<str:token>/<short_code:short_code>/",
        press_views.PressReleaseView.as_view(),
        name="press-release",
    ),
    path(
        "press/<str:token>/<short_code:short_code>/media-kit/",
        press_views.MediaKitView.as_view(),
        name="press-media-kit",
    ),
    path("<uslug:slug>/", views.ReleaseDetailView.as_view(), name="release-detail"),
    path("<uslug:slug>/comments/", views.CommentCreateView.as_view(), name="release-comments"),
]
