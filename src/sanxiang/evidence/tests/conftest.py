"""Fixtures of the evidence tests: the case tests' frozen clock and `World`."""

from sanxiang.cases.tests.conftest import clock, world

__all__ = ["clock", "world"]
