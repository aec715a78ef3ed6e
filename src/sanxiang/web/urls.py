"""Public portal at /, staff workspace at /office/, sign-in and sign-out under /accounts/.

Language switching is Django's `set_language`, routed at /i18n/setlang/ by the root URLconf.
"""

from django.contrib.auth import views as auth_views
from django.urls import path

from sanxiang.cases import views as case_views
from sanxiang.publicity.views import public as publicity_views
from sanxiang.web import views

app_name = "web"

urlpatterns = [
    # The portal home is the publicity app's (issue 9): search, latest decisions, entry points.
    path("", publicity_views.home, name="portal"),
    path("office/", views.office_home, name="home"),
    path("office/me/", views.me, name="me"),
    path("office/inbox/", case_views.inbox, name="inbox"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
