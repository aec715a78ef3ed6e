"""Test helpers: cases walked through the real case services to each stage, the agency's
document settings, and readers for PDF and DOCX."""

from __future__ import annotations

import datetime
import io
from typing import Any

from docx import Document as read_docx
from pypdf import PdfReader

from sanxiang.cases import services as svc
from sanxiang.cases.choices import DeliveryMethod, PaymentChannel
from sanxiang.cases.models import Case
from sanxiang.cases.tests import factories as f
from sanxiang.documents import services
from sanxiang.registry.models import Agency, Role, User
from sanxiang.registry.tests.factories import UserFactory

COURT = "天津市和平区人民法院"
PAYMENT = "到中国工商银行天津分行各营业网点或者通过天津市非税收入电子缴款系统"
DECIDED_ON = datetime.date(2025, 3, 4)
DELIVERED_ON = datetime.date(2025, 3, 11)


def admin() -> User:
    return UserFactory.create(role=Role.ADMINISTRATOR)


def configure_agency(agency: Agency, *, seal: bool = True, court: str = COURT) -> None:
    """What an administrator sets up before decisions can be issued: court, payment, seal."""
    services.document_settings_update(
        agency=agency,
        values={
            "lawsuit_court": court,
            "payment_instructions": PAYMENT,
            "contact": "王某 022-12345678",
        },
        actor=admin(),
    )
    if seal:
        services.seal_generate(agency=agency)


def decided_case(world: f.World, clock: Any, *, fine_fen: int = 300_000, **decision: Any) -> Case:
    """A fine decided on 2025-03-04 after the party waived the statement (and hearing)."""
    case = f.notified_case(world, fine_fen=fine_fen)
    clock.go(DECIDED_ON)
    svc.statement_waive(case=case, waived_on=DECIDED_ON, note="书面放弃", actor=world.handler)
    values: dict[str, Any] = {"fine_fen": fine_fen}
    values.update(decision)
    return f.decide(world, case, **values)


def closed_case(world: f.World, clock: Any, *, fine_fen: int = 300_000) -> Case:
    """Decided, delivered, paid and closed (closing approved)."""
    return close_decided(world, clock, decided_case(world, clock, fine_fen=fine_fen))


def close_decided(world: f.World, clock: Any, case: Case, *, fine_fen: int = 300_000) -> Case:
    """Deliver, pay and close a decided case."""
    clock.go(DELIVERED_ON)
    svc.delivery_record(
        case=case,
        method=DeliveryMethod.DIRECT,
        recipient="张三",
        address="天津市和平区南京路1号",
        delivered_on=DELIVERED_ON,
        proof="受送达人签收",
        actor=world.handler,
    )
    svc.payment_record(
        case=case,
        amount_fen=fine_fen,
        paid_on=DELIVERED_ON,
        channel=PaymentChannel.BANK,
        reference="工行回单20250311001",
        actor=world.handler,
    )
    svc.case_close(case=case, summary="罚款已缴清", actor=world.handler)
    f.approve_pending(world, case)
    case.refresh_from_db()
    return case


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in read_docx(io.BytesIO(data)).paragraphs)


def on_spot_case(world: f.World, *, acted_on: datetime.date = f.BASE_DAY) -> Case:
    """A 200元 fine decided on the spot (LAW-APL-51)."""
    return svc.case_decide_on_spot(
        title="占道经营",
        facts="当事人在人行道上摆摊经营。",
        place="和平区南京路",
        acted_at=f.at(acted_on),
        party=f.person(),
        officers=[world.officer_a, world.officer_b],
        penalty_types=("fine",),
        fine_fen=20_000,
        form_number="津当罚No.0001",
        reasons="依据《城市市容和环境卫生管理条例》",
        actor=world.handler,
    )


def stored(path: str) -> bytes:
    from django.core.files.storage import storages

    with storages["private"].open(path, "rb") as handle:
        data: bytes = handle.read()
    return data
