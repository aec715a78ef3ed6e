"""`sanxiang documents keygen | seal | default-template`: set up document signing and seals."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sanxiang.documents.rendering.docx import default_template
from sanxiang.documents.services import seal_generate
from sanxiang.documents.signing import agency_key
from sanxiang.registry.models import Agency


class Command(BaseCommand):
    help = (
        "Documents. keygen: create each agency's PAdES signing key and self-signed X.509 "
        "certificate under SANXIANG_DOCUMENTS_KEY_DIR if missing (key mode 0600; agencies with "
        "configured certificate files keep theirs) and print the certificate fingerprints. "
        "seal: draw a seal image for agencies that have none. default-template PATH: write "
        "the built-in DOCX template to PATH as a starting point for an agency's own."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["keygen", "seal", "default-template"])
        parser.add_argument("path", nargs="?", default="")
        parser.add_argument("--agency", type=int, help="Only this agency (id).")

    def _agencies(self, agency_id: int | None) -> list[Agency]:
        agencies = Agency.objects.filter(is_active=True).order_by("pk")
        if agency_id is not None:
            agencies = agencies.filter(pk=agency_id)
            if not agencies.exists():
                raise CommandError(f"No agency {agency_id}")
        return list(agencies)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "default-template":
            if not options["path"]:
                raise CommandError("Give the path to write the DOCX template to.")
            Path(options["path"]).write_bytes(default_template())
            self.stdout.write(f"Wrote {options['path']}")
            return
        for agency in self._agencies(options.get("agency")):
            if action == "keygen":
                pair = agency_key(agency)
                state = "created" if pair.created else "present"
                self.stdout.write(
                    f"{agency.pk}\t{agency.name}\t{state}\tSHA-256 {pair.fingerprint}"
                )
            else:
                from sanxiang.documents.models import DocumentSettings

                row = DocumentSettings.objects.filter(agency=agency).first()
                if row is None or not row.seal_image:
                    seal_generate(agency=agency)
                    self.stdout.write(f"{agency.pk}\t{agency.name}\tseal drawn")
