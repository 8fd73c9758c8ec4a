from django.urls import path

from providers import claim_views, signin_views, views

app_name = "providers"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    # Accounts
    path("signup/", views.signup, name="signup"),
    path("signup/done/", views.signup_done, name="signup_done"),
    path("verify/resend/", views.resend_verification, name="resend_verification"),
    path("verify/<str:token>/", signin_views.verify_email, name="verify_email"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/link/", signin_views.signin_link_request, name="signin_link"),
    path("login/link/<str:token>/", signin_views.signin_link_use, name="signin_link_use"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password/change/", views.password_change, name="password_change"),
    path("password/change/done/", views.password_change_done, name="password_change_done"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", views.password_reset_done, name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password/reset/complete/", views.password_reset_complete, name="password_reset_complete"),
    path("account/delete/", views.account_delete, name="account_delete"),
    path("account/export/", views.account_export, name="account_export"),
    # Listings
    path("listings/new/", views.listing_new, name="listing_new"),
    path("listings/<uuid:listing>/edit/<slug:step>/", views.listing_edit, name="listing_edit"),
    path("listings/<uuid:listing>/preview/", views.listing_preview, name="listing_preview"),
    path("listings/<uuid:listing>/submit/", views.listing_submit, name="listing_submit"),
    path("listings/<uuid:listing>/discard/", views.listing_discard, name="listing_discard"),
    path("listings/<uuid:listing>/confirm/", views.listing_confirm, name="listing_confirm"),
    path("listings/<uuid:listing>/hide/", views.listing_hide, name="listing_hide"),
    path("listings/<uuid:listing>/delete/", views.listing_delete, name="listing_delete"),
    path("listings/<uuid:listing>/invite/", views.listing_invite, name="listing_invite"),
    path("invites/<str:token>/", views.accept_invite, name="accept_invite"),
    path("confirm/<str:token>/", views.confirm_current, name="confirm_current"),
    path("claims/<str:token>/", claim_views.claim_prove_email, name="claim_prove_email"),
]
