"""Parties (当事人) of a case and their consent to electronic delivery (LAW-APL-61).

Identity numbers are normalised and validated (GB 11643 resident ID, GB 32100 credit code);
the birth date follows from the resident ID number (LAW-APL-30). Every change to the parties
bumps the case revision. Parties are fixed once the case is decided.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.choices import PartyKind
from sanxiang.cases.events import field_changes, record_case_event
from sanxiang.cases.models import Case, ElectronicDeliveryConsent, Party
from sanxiang.cases.services.writing import (
    DECIDED_STATES,
    bump_revision,
    lock_case,
    require_status,
    validated_save,
)
from sanxiang.core.creditcode import normalise_credit_code, parse_credit_code
from sanxiang.core.errors import ApplicationError
from sanxiang.core.identity import parse_resident_id
from sanxiang.registry.models import User

__all__ = [
    "PartyData",
    "electronic_consent_record",
    "fill_party",
    "party_add",
    "party_remove",
    "party_snapshot",
    "party_update",
]


@dataclass(frozen=True)
class PartyData:
    """What identifies and describes a party; shared by `party_add`, `party_update` and the
    simple procedure."""

    kind: PartyKind | str
    name: str
    id_number: str = ""
    other_id_document: str = ""
    birth_date: datetime.date | None = None
    credit_code: str = ""
    legal_representative: str = ""
    address: str = ""
    phone: str = ""
    capacity_limited: bool = False


# The rule each identity-number refusal of `core` enforces (legal-rules.md §STD).
_NUMBER_RULES = {
    "resident_id.format": "STD-11643-1",
    "resident_id.region": "STD-11643-2",
    "resident_id.birth_date_invalid": "STD-11643-2",
    "resident_id.birth_date_future": "STD-11643-2",
    "resident_id.checksum": "STD-11643-4",
    "credit_code.format": "STD-32100-2",
    "organisation_code.format": "STD-32100-1",
    "credit_code.checksum": "STD-32100-3",
}


def _number_refused(error: ApplicationError, field: str) -> ApplicationError:
    """The refusal of an ID number or credit code, naming the party's field and the rule."""
    default = "STD-11643-1" if field == "id_number" else "STD-32100-1"
    rule = _NUMBER_RULES.get(error.code, default)
    if field == "id_number":
        message = _("%(message)s (resident ID number, %(rule)s)")
    else:
        message = _("%(message)s (credit code, %(rule)s)")
    message %= {"message": error.message, "rule": rule}
    extra = {**error.extra, "rule": rule, "field": field, "fields": {field: [message]}}
    return ApplicationError(message, code=error.code, extra=extra)


def fill_party(party: Party, data: PartyData) -> None:
    """Copy `data` onto `party`, normalising the numbers and deriving the birth date.

    A malformed number is refused with the field (`id_number`, `credit_code`) and the rule of
    the standard it breaks (STD-11643, STD-32100)."""
    for name, value in asdict(data).items():
        setattr(party, name, value.strip() if isinstance(value, str) else value)
    if party.id_number:
        # STD-11643: store the canonical number; the birth date is part of it (LAW-APL-30).
        try:
            resident = parse_resident_id(party.id_number)
        except ApplicationError as error:
            raise _number_refused(error, "id_number") from None
        party.id_number = resident.number
        party.birth_date = resident.birth_date
    if party.credit_code:
        # STD-32100: refuse a wrong code, store it normalised.
        try:
            code = parse_credit_code(normalise_credit_code(party.credit_code))
        except ApplicationError as error:
            raise _number_refused(error, "credit_code") from None
        party.credit_code = code.number


def party_snapshot(party: Party) -> dict[str, object]:
    return {
        "kind": party.kind,
        "name": party.name,
        "id_number": party.id_number,
        "credit_code": party.credit_code,
        "legal_representative": party.legal_representative,
        "address": party.address,
        "phone": party.phone,
        "birth_date": party.birth_date.isoformat() if party.birth_date else None,
        "capacity_limited": party.capacity_limited,
    }


def _lock_open_case(case: Case, actor: User) -> Case:
    locked = lock_case(case, actor)
    if locked.status in DECIDED_STATES:
        require_status(locked, [], action=_("change the parties of a decided case"))
    return locked


def party_add(*, case: Case, data: PartyData, actor: User) -> Party:
    """Add a party to an undecided case.

    Preconditions: a natural person has a valid resident ID number (or another document and
    the birth date); an organisation or 个体工商户 a valid credit code. Side effects: the party,
    revision + 1, event `cases.party_added` with the party's details.
    """
    with transaction.atomic():
        locked = _lock_open_case(case, actor)
        party = Party(case=locked)
        fill_party(party, data)
        validated_save(party)
        bump_revision(locked)
        record_case_event(
            case=locked,
            action="cases.party_added",
            actor=actor,
            data={"party": party.pk, **party_snapshot(party)},
        )
    return party


def party_update(*, party: Party, data: PartyData, actor: User) -> Party:
    """Replace a party's details (same checks as `party_add`); revision + 1 and
    `cases.party_updated` with old → new, if anything changed."""
    with transaction.atomic():
        locked = _lock_open_case(party.case, actor)
        row = Party.objects.select_for_update().get(pk=party.pk, case=locked)
        before = party_snapshot(row)
        fill_party(row, data)
        validated_save(row)
        changes = field_changes(before, party_snapshot(row))
        if changes:
            bump_revision(locked)
            record_case_event(
                case=locked,
                action="cases.party_updated",
                actor=actor,
                data={"party": row.pk, "changes": changes},
            )
    return row


def party_remove(*, party: Party, actor: User) -> None:
    """Remove a party from an undecided case; revision + 1 and `cases.party_removed` keeps
    what was removed."""
    with transaction.atomic():
        locked = _lock_open_case(party.case, actor)
        row = Party.objects.select_for_update().get(pk=party.pk, case=locked)
        snapshot = party_snapshot(row)
        row.delete()
        bump_revision(locked)
        record_case_event(
            case=locked,
            action="cases.party_removed",
            actor=actor,
            data={"party": party.pk, **snapshot},
        )


def electronic_consent_record(
    *,
    party: Party,
    signed_on: datetime.date,
    channel: str,
    address: str,
    document_reference: str = "",
    actor: User,
) -> ElectronicDeliveryConsent:
    """Record the party's signed consent to electronic delivery (送达地址确认书).

    LAW-APL-61 / SAMR-PROC-82: documents may be delivered electronically only to the
    address confirmed here. Event `cases.delivery_consent_recorded`.
    """
    with transaction.atomic():
        locked = lock_case(party.case, actor)
        consent = ElectronicDeliveryConsent(
            party=party,
            signed_on=signed_on,
            channel=channel.strip(),
            address=address.strip(),
            document_reference=document_reference.strip(),
            recorded_by=actor,
        )
        validated_save(consent)
        record_case_event(
            case=locked,
            action="cases.delivery_consent_recorded",
            actor=actor,
            data={
                "party": party.pk,
                "consent": consent.pk,
                "channel": consent.channel,
                "signed_on": signed_on,
            },
        )
    return consent
