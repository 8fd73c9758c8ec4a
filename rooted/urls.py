from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from directory.health import healthz
from providers.signin_views import admin_login

urlpatterns: list[URLPattern | URLResolver] = [
    # The admin's sign-in, under the same limits as the provider sign-in.
    path("admin/login/", admin_login),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    # Open data (HSDS 3.0) for other systems: outside the language prefixes.
    path("api/hsds/", include("providers.hsds.urls")),
]
urlpatterns += i18n_patterns(
    path("", include("directory.public_urls")),
    path("provider/", include("providers.urls")),
    path("insights/", include("insights.urls")),
    prefix_default_language=True,
)

handler400 = "directory.errors.bad_request"
handler403 = "directory.errors.permission_denied"
handler404 = "directory.errors.page_not_found"
handler500 = "directory.errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
