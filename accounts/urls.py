from django.contrib.auth import views as auth_views
from django.urls import path

from . import forms, views
from .context_processors import navigation
from .password_reset import PasswordResetView

urlpatterns = [
    path(
        "login/",
        # LoginView puts the host name in `site_name`; the page wants the product's name.
        auth_views.LoginView.as_view(
            authentication_form=forms.SignInForm, extra_context=navigation(request=None)
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.account, name="account"),
    path("posts/", views.post_list, name="posts"),
    path("posts/add/", views.post_edit, name="post_add"),
    path("posts/<int:pk>/", views.post_edit, name="post_edit"),
    path("tokens/revoke/", views.revoke_tokens, name="revoke_tokens"),
    path("away/", views.away, name="away"),
    path("away/<int:pk>/cancel/", views.cancel_absence, name="cancel_absence"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(form_class=forms.PasswordChangeForm),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        # Same answer in the same time for any address, rate-limited: accounts/password_reset.py
        PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=forms.SetPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
