"""Enforcement publicity (行政执法公示): disclosure catalogue, publications, the public portal."""
