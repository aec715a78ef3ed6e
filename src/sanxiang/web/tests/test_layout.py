"""The layout works on phones and with assistive technology."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation

from sanxiang.registry.models import Role
from sanxiang.web.tests.pages import html

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/office/", "/office/me/"])
def test_every_page_is_responsive_and_has_landmarks(client: Client, login_as, url: str) -> None:
    if url.startswith("/office/"):
        login_as(Role.OFFICER)
    page = html(client.get(url))
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<a class="skip-link visually-hidden-focusable" href="#main">跳到主要内容</a>' in page
    assert '<main id="main"' in page
    assert "<header>" in page
    assert '<nav class="navbar navbar-expand-lg' in page
    assert 'aria-label="主导航"' in page
    assert 'aria-controls="main-nav"' in page  # the menu collapses behind a toggler on phones
    assert "<footer" in page


def test_language_switch_is_a_labelled_form_for_the_current_page(client: Client) -> None:
    page = html(client.get("/accounts/login/"))
    assert '<form class="sx-language" action="/i18n/setlang/" method="post">' in page
    assert '<legend class="visually-hidden">语言</legend>' in page
    assert '<input type="hidden" name="next" value="/accounts/login/">' in page
    assert 'name="language" value="en" lang="en"' in page
    assert 'name="language" value="zh-hans" lang="zh-hans"' in page


def test_user_menu_logs_out_with_a_post_form(client: Client, login_as) -> None:
    user = login_as(Role.OFFICER, full_name="王芳")
    page = html(client.get("/office/"))
    assert user.full_name in page
    assert '<form action="/accounts/logout/" method="post">' in page


@pytest.mark.parametrize(("language", "title"), [("zh-hans", "无权访问"), ("en", "Access denied")])
def test_permission_denied_page_in_both_languages(language: str, title: str) -> None:
    request = RequestFactory().get("/office/")
    request.user = AnonymousUser()
    with translation.override(language):
        page = render_to_string("403.html", request=request)
    assert f'<html lang="{language}">' in page
    assert title in page


@pytest.mark.parametrize(("language", "title"), [("zh-hans", "服务器错误"), ("en", "Server error")])
def test_server_error_page_renders_without_a_request(language: str, title: str) -> None:
    with translation.override(language):
        page = render_to_string("500.html")
    assert f'<html lang="{language}">' in page
    assert title in page
