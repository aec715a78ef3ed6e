"""Document numbers stay gapless and unique when officers issue at the same moment
(STD-9704-7.2.5): parallel transactions on PostgreSQL, each thread with its own connection."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from sanxiang.documents.kinds import KINDS
from sanxiang.documents.models import Document, DocumentSettings
from sanxiang.documents.numbering import allocate_number
from sanxiang.registry.tests.factories import AgencyFactory

THREADS = 8


@pytest.mark.django_db(transaction=True)
def test_parallel_issuers_get_distinct_gapless_numbers_std_9704_7_2_5() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers with BEGIN IMMEDIATE; the race needs PostgreSQL")
    from sanxiang.cases.tests.factories import CaseFactory

    agency = AgencyFactory.create(short_name="津市监")
    settings_row = DocumentSettings(agency=agency)
    cases = [CaseFactory.create(agency=agency) for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def issue(index: int) -> None:
        try:
            barrier.wait()
            with transaction.atomic():
                number, sequence = allocate_number(
                    agency=agency, settings=settings_row, kind=KINDS["decision"], year=2025
                )
                Document.objects.create(
                    case=cases[index],
                    agency=agency,
                    kind="decision",
                    number=number,
                    sequence=sequence,
                    year=2025,
                    status="issued",
                )
                if index == 0:
                    # One issuer fails after drawing its number: it must give the number back.
                    raise RuntimeError("rolled back")
            with lock:
                numbers.append(number)
        except RuntimeError:
            pass
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    expected = {f"津市监罚〔2025〕{n}号" for n in range(1, THREADS)}
    assert sorted(numbers) == sorted(expected)  # distinct, no gap left by the rolled-back one
    assert Document.objects.filter(agency=agency).count() == THREADS - 1
