"""Sanxiang (三项): the platform for the administrative law-enforcement three systems."""
