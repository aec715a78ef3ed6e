"""Schemas of the case API (`cases.api`): explicit input and output shapes, one per record.

`common`: the error shape and the documented error responses; `records`: the records of a
case (parties, investigation, notice, hearing, decision, delivery, enforcement); `workflow`:
approvals, deadlines, balance, stages, timeline, moves and the inbox; `cases`: the case itself
(list row and full case); `inputs` and `inputs_decision`: what each action accepts. Money is
integer fen (`*_fen`), dates ISO 8601.
"""
