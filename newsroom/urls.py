from django.urls import path

from . import views

app_name = "newsroom"

urlpatterns = [
    path("", views.ReleaseListView.as_view(), name="release-list"),
    path("section/<uslug:slug>/", views.SectionDetailView.as_view(), name="section-detail"),
    path("tags/<uslug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
    path("preview/<str:token>/", views.ReleasePreviewView.as_view(), name="release-preview"),
    path("<uslug:slug>/", views.ReleaseDetailView.as_view(), name="release-detail"),
    path("<uslug:slug>/comments/", views.CommentCreateView.as_view(), name="release-comments"),
]
