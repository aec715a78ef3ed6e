"""Public portal pages under /public/ (the home is also served at `/`), and the staff
publication workbench under /public/workbench/."""

from django.urls import URLPattern, URLResolver, path

from sanxiang.publicity.views import channels, public, staff

app_name = "publicity"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.home, name="home"),
    path("decisions/", public.search, name="search"),
    path("decisions/<int:publication_id>/", public.decision, name="decision"),
    path("withdrawals/", public.withdrawals, name="withdrawals"),
    path("agencies/", public.agencies, name="agencies"),
    path("agencies/<int:agency_id>/", public.agency, name="agency"),
    path("agencies/<int:agency_id>/officers/", public.agency_officers, name="officers"),
    path("agencies/<int:agency_id>/powers/", public.agency_powers, name="powers"),
    path("agencies/<int:agency_id>/discretion/", public.agency_discretion, name="discretion"),
    path("agencies/<int:agency_id>/booklet.pdf", channels.booklet, name="booklet"),
    path("agencies/<int:agency_id>/atom.xml", channels.atom, name="agency_atom"),
    path("agencies/<int:agency_id>/feed.json", channels.json_feed, name="agency_json_feed"),
    path("procedures/", public.procedures, name="procedures"),
    path("verify/", public.verify_form, name="verify_form"),
    path("verify/<str:number>", public.verify, name="verify"),
    path("atom.xml", channels.atom, name="atom"),
    path("feed.json", channels.json_feed, name="json_feed"),
    path("open-data/", channels.open_data, name="open_data"),
    path("open-data/decisions.csv", channels.open_data_csv, name="open_data_csv"),
    path("open-data/decisions.json", channels.open_data_json, name="open_data_json"),
    path("display/", channels.display, name="display"),
    path("reports/", public.reports, name="reports"),
    path("reports/<int:report_id>/", public.report, name="report"),
    path("workbench/", staff.workbench, name="workbench"),
    path("workbench/collect/", staff.collect, name="collect"),
    path("workbench/reports/", staff.report_action, name="report_action"),
    path("workbench/<int:publication_id>/", staff.workbench_detail, name="workbench_detail"),
    path("workbench/cards/<int:officer_id>.pdf", staff.certificate_card, name="certificate_card"),
]
