from django.urls import path

from . import feeds, views

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
    path("<uslug:slug>/", views.ReleaseDetailView.as_view(), name="release-detail"),
    path("<uslug:slug>/comments/", views.CommentCreateView.as_view(), name="release-comments"),
]
