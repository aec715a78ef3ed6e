"""The demo cases of the Tianjin pilot: several hundred cases of the demo agencies, in every
state of the lifecycle, with realistic facts — built through the case services, so that every
event, approval, deadline and record is the one the platform itself writes.

`load_demo()` builds the cases that are missing (idempotent, one transaction; `sanxiang demo`
calls it after the registry demo). What the data set contains and how it is dated:

* General-procedure penalties (普通程序) from the lead to the archive, stopping in every state:
  leads awaiting verification (some near or past the 15 working days of SAMR-PROC-18), leads
  declined for each reason code, filed and investigating cases (inquiry and inspection records,
  preservation running, disposed of and lapsed, seizures, testing pauses, an extension, a
  recusal), notice, statement and waiver, hearings requested, scheduled and held, legal review,
  collective deliberation, decisions (penalty, no penalty with each reason — 首违不罚, minor,
  no fault, facts not established, a child under fourteen —, transfer to the judicial organs,
  dismissed), delivery by every method (electronic only with signed consent, public notice),
  enforcement (paid, late with the surcharge, instalments, reconsideration pausing the
  surcharge, court enforcement, unpaid and overdue), closing and archiving. Parties are people
  (minors of 14–17 with mitigation), companies and 个体工商户 with valid synthetic numbers;
  fines lie in the discretion tier's range, a few outside it with a reason (flagged).
* On-the-spot penalties (简易程序): warnings, fines up to 200元 for citizens and 3000元 for
  organisations, some collected on the spot with the receipt number, some not yet filed with
  the agency.
* Other act types: inspections, food business licences, the road occupation fee, seizures and
  sealing in force, extended and released.

Dates: every act has its own date, passed to the services (`on=`, `received_on=`…), between
January 2025 and the demo's reference day 2026-11-30 (`dates.TODAY`, the registry demo's
`REFERENCE_DAY`). No clock is faked. The working-day calendar (`chinese_calendar`) covers
2004–2026 only, and the State Council has not published the 2027 holidays, so no deadline the
services compute may end in 2027: cases are filed by 2026-09-30 (`dates.LAST_FILING_DAY`) and
every period they open ends within 2026. What the services record as a timestamp — an event's
`occurred_at`, an approval's `decided_at`, a notice's `drafted_at` — is the moment of the load:
the record is honest about when it was written; the day of the act is in the record itself and
in the event's data.
"""

from sanxiang.cases.demo.loader import CaseDemoSummary, load_demo

__all__ = ["CaseDemoSummary", "load_demo"]
