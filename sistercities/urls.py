from django.urls import path

from . import views

app_name = "sistercities"

urlpatterns = [
    path("", views.PartnerCityListView.as_view(), name="index"),
    path("<uslug:slug>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
    path(
        "<uslug:slug>/document/",
        views.AgreementDocumentView.as_view(),
        name="agreement-document",
    ),
]
