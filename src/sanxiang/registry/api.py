"""Registry HTTP API under /api/v1/registry/ (django-ninja). Thin: every endpoint calls a
selector; visibility is decided there (DESIGN.md §1), errors leave in the one shape.
"""

from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import AuthenticationError
from ninja.pagination import LimitOffsetPagination, paginate

from sanxiang.registry import selectors
from sanxiang.registry.access import AnyUser
from sanxiang.registry.models import ActType, Agency, DiscretionStandard, PowerItem, User
from sanxiang.registry.schemas import (
    AgencyOut,
    DiscretionStandardOut,
    MeOut,
    OfficerOut,
    OfficerPageOut,
    PowerItemDetailOut,
    PowerItemOut,
)

router = Router(tags=["registry"])

MAX_PAGE = 200


def _user(request: HttpRequest) -> AnyUser:
    return request.user


@router.get("/me", response=MeOut, summary="The signed-in account: role, agency, department")
def me(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise AuthenticationError
    return selectors.user_profile_get(user=user)


@router.get("/agencies", response=list[AgencyOut], summary="Enforcement agencies")
def agencies(request: HttpRequest) -> list[Agency]:
    return list(selectors.agency_list(user=_user(request)))


@router.get("/officers", response=OfficerPageOut, summary="Officers (private fields in scope)")
def officers(
    request: HttpRequest,
    agency_id: int | None = None,
    q: str | None = None,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0),
) -> dict[str, object]:
    page = selectors.officer_list(
        user=_user(request), agency_id=agency_id, q=q, offset=offset, limit=limit
    )
    return {"count": page.total, "items": page.items}


@router.get("/officers/{officer_id}", response=OfficerOut, summary="One officer")
def officer(request: HttpRequest, officer_id: int) -> selectors.OfficerCard:
    return selectors.officer_get(user=_user(request), officer_id=officer_id)


@router.get("/power-items", response=list[PowerItemOut], summary="Power-list items")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def power_items(
    request: HttpRequest,
    agency_id: int | None = None,
    act_type: ActType | None = None,
    q: str | None = None,
) -> object:
    filters = selectors.PowerItemFilters(agency_id=agency_id, act_type=act_type, q=q)
    return selectors.power_item_list(user=_user(request), filters=filters)


@router.get(
    "/power-items/{power_item_id}",
    response=PowerItemDetailOut,
    summary="One power item with its legal basis and discretion standards",
)
def power_item(request: HttpRequest, power_item_id: int) -> PowerItem:
    return selectors.power_item_get(user=_user(request), power_item_id=power_item_id)


@router.get(
    "/discretion-standards/{standard_id}",
    response=DiscretionStandardOut,
    summary="One discretion standard with its tiers (LAW-APL-34)",
)
def discretion_standard(request: HttpRequest, standard_id: int) -> DiscretionStandard:
    return selectors.discretion_standard_get(user=_user(request), standard_id=standard_id)
