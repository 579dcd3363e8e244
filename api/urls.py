from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import tokens, views

app_name = "api"

router = DefaultRouter()
router.register("boards", views.BoardViewSet, basename="board")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("actions", views.ActionViewSet, basename="action")
router.register("letters", views.LetterViewSet, basename="letter")
router.register("questions", views.QuestionViewSet, basename="question")
router.register("recommendations", views.RecommendationViewSet, basename="recommendation")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    path("tokens/", tokens.tokens, name="tokens"),
    path("tokens/revoke/", tokens.revoke, name="revoke_token"),
    path("", include(router.urls)),
]
