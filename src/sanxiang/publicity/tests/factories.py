"""Test data of publicity: decided cases with a party whose personal data must never leak."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from sanxiang.cases import models as cm
from sanxiang.cases.choices import CaseStatus, PartyKind
from sanxiang.publicity import services
from sanxiang.publicity.models import Publication
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as rf

SECRET_NAME = "欧阳铁柱"
SECRET_ID = rf.make_resident_id(77, birth="19800101")
SECRET_PHONE = "13812345678"
SECRET_ADDRESS = "天津市和平区成都道88号3单元501室"


@dataclass
class Staff:
    agency: m.Agency
    officer: m.User
    reviewer: m.User
    head: m.User


def make_staff(agency: m.Agency | None = None) -> Staff:
    agency = agency or rf.AgencyFactory.create()
    return Staff(
        agency=agency,
        officer=rf.UserFactory.create(role=m.Role.OFFICER, agency=agency),
        reviewer=rf.UserFactory.create(role=m.Role.LEGAL_REVIEWER, agency=agency),
        head=rf.UserFactory.create(role=m.Role.AGENCY_HEAD, agency=agency),
    )


def decided_case(
    staff: Staff,
    *,
    decided_on: datetime.date = datetime.date(2025, 3, 3),
    act_type: str = m.ActType.PENALTY,
    outcome: str = "penalty",
    fine_fen: int = 500_000,
    penalty_types: tuple[str, ...] = ("fine",),
    party_name: str = SECRET_NAME,
    facts: str = "",
) -> cm.Case:
    """A decided case row with a natural-person party (bare rows: the case services are
    tested in the cases app; here only the decision's data matters)."""
    case = cm.Case.objects.create(
        agency=staff.agency,
        act_type=act_type,
        status=CaseStatus.DECIDED,
        case_number=f"津市监罚〔{decided_on.year}〕{cm.Case.objects.count() + 1}号",
        title="销售过期食品案",
        facts=facts
        or f"经查，当事人{party_name}（身份证号{SECRET_ID}，电话{SECRET_PHONE}）在其经营场所"
        f"销售超过保质期的食品，住所{SECRET_ADDRESS}。",
    )
    cm.Party.objects.create(
        case=case,
        kind=PartyKind.NATURAL_PERSON,
        name=party_name,
        id_number=SECRET_ID,
        phone=SECRET_PHONE,
        address=SECRET_ADDRESS,
    )
    if act_type == m.ActType.PENALTY:
        cm.Decision.objects.create(
            case=case,
            outcome=outcome,
            penalty_types=list(penalty_types) if outcome == "penalty" else [],
            no_penalty_reason="" if outcome == "penalty" else "first_offence",
            fine_fen=fine_fen if outcome == "penalty" else 0,
            reasons="依据《中华人民共和国食品安全法》第一百二十四条。",
            revision=1,
            drafted_by=staff.officer,
            drafted_at=timezone.now(),
            decided_on=decided_on,
            decided_by=staff.head,
        )
    else:
        cm.ActResult.objects.create(
            case=case,
            result="granted" if act_type == m.ActType.LICENSING else "compliant",
            text="准予许可。" if act_type == m.ActType.LICENSING else "未发现问题。",
            decided_on=decided_on,
            decided_by=staff.head,
        )
    return case


def open_publication(staff: Staff, **case: Any) -> Publication:
    created = services.publication_create_for_case(case=decided_case(staff, **case))
    assert created is not None
    return created


def publish(
    staff: Staff,
    publication: Publication,
    *,
    on: datetime.date | None = None,
    added: tuple[str, ...] = (),
) -> Publication:
    """Run 采集 → 审核 (keeping every proposed mask) → 发布."""
    row = services.publication_submit(publication=publication, actor=staff.officer)
    row = services.publication_approve(
        publication=row,
        actor=staff.reviewer,
        keep_indexes=range(len(row.proposed_masks)),
        added_fragments=added,
    )
    return services.publication_publish(
        publication=row, actor=staff.head, on=on or row.decided_on + datetime.timedelta(days=2)
    )
