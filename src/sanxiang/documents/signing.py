"""PAdES signatures on issued PDFs with pyHanko, one key and X.509 certificate per agency.

Any standard PDF reader can check that a signed document was not altered after signing. The
key and certificate are the agency's real ones when `DocumentSettings.signing_key_path` and
`signing_cert_path` point to PEM files; otherwise the platform creates a self-signed pair for
the agency under `SANXIANG_DOCUMENTS_KEY_DIR` (default `<var>/documents/keys/agency-<id>/`,
key mode 0600) on first use or with `sanxiang documents keygen`. Keys are never in the
repository. A reader trusts a self-signed certificate only once the agency publishes it (the
certificate is downloadable from the documents page), as with the ledger's verifier key.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]  # no stubs
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.utils import timezone

from sanxiang.registry.models import Agency

__all__ = [
    "AgencyKey",
    "SignResult",
    "VerifyResult",
    "agency_key",
    "key_dir",
    "sign_pdf",
    "verify_pdf",
]

_VALID_YEARS = 10


@dataclass(frozen=True)
class AgencyKey:
    key_pem: bytes
    cert_pem: bytes
    created: bool

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.cert_pem)

    @property
    def subject(self) -> str:
        return self.certificate.subject.rfc4514_string()

    @property
    def fingerprint(self) -> str:
        return self.certificate.fingerprint(hashes.SHA256()).hex()


@dataclass(frozen=True)
class SignResult:
    pdf: bytes
    signed_at: datetime.datetime
    signer: str
    certificate_sha256: str


@dataclass(frozen=True)
class VerifyResult:
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_file: bool
    signer: str
    signed_at: datetime.datetime | None

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted and self.covers_whole_file


def key_dir(agency: Agency) -> Path:
    base = Path(
        getattr(settings, "SANXIANG_DOCUMENTS_KEY_DIR", "")
        or Path(settings.VAR_DIR) / "documents" / "keys"
    )
    return base / f"agency-{agency.pk}"


def _new_pair(agency: Agency) -> tuple[bytes, bytes]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, agency.name),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, agency.credit_code),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{agency.name} 执法文书签章"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365 * _VALID_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return key_pem, cert.public_bytes(serialization.Encoding.PEM)


def agency_key(agency: Agency, *, create: bool = True) -> AgencyKey:
    """The agency's signing key and certificate: configured files, else the generated pair
    (created now when missing and `create`). Raises FileNotFoundError otherwise."""
    from sanxiang.documents.models import DocumentSettings

    configured = DocumentSettings.objects.filter(agency=agency).first()
    if configured is not None and configured.signing_key_path and configured.signing_cert_path:
        return AgencyKey(
            key_pem=Path(configured.signing_key_path).read_bytes(),
            cert_pem=Path(configured.signing_cert_path).read_bytes(),
            created=False,
        )
    folder = key_dir(agency)
    key_file, cert_file = folder / "key.pem", folder / "cert.pem"
    if key_file.exists() and cert_file.exists():
        return AgencyKey(key_file.read_bytes(), cert_file.read_bytes(), created=False)
    if not create:
        raise FileNotFoundError(key_file)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    key_pem, cert_pem = _new_pair(agency)
    try:
        # O_EXCL: two processes creating the key at once keep the first one's.
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return AgencyKey(key_file.read_bytes(), cert_file.read_bytes(), created=False)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key_pem)
    temp = cert_file.with_suffix(".tmp")
    temp.write_bytes(cert_pem)
    temp.replace(cert_file)
    return AgencyKey(key_pem, cert_pem, created=True)


def _asn1_cert(pair: AgencyKey) -> asn1_x509.Certificate:
    der = pair.certificate.public_bytes(serialization.Encoding.DER)
    return asn1_x509.Certificate.load(der)


def sign_pdf(pdf: bytes, *, agency: Agency, reason: str, location: str = "") -> SignResult:
    """Sign `pdf` (PAdES baseline B, SHA-256) with the agency's key; returns the signed bytes."""
    from pyhanko.keys import load_private_key_from_pemder_data
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    pair = agency_key(agency)
    cert = _asn1_cert(pair)
    signer = signers.SimpleSigner(
        signing_cert=cert,
        signing_key=load_private_key_from_pemder_data(pair.key_pem, passphrase=None),
        cert_registry=SimpleCertificateStore.from_certs([cert]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name="AgencySeal",
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=agency.name,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    signed = signers.PdfSigner(meta, signer=signer).sign_pdf(writer).getvalue()
    from pyhanko.pdf_utils.reader import PdfFileReader

    embedded = PdfFileReader(io.BytesIO(signed)).embedded_signatures[-1]
    # The signing time as the signature states it (CMS signingTime attribute).
    signed_at = embedded.self_reported_timestamp or timezone.now()
    return SignResult(
        pdf=signed,
        signed_at=signed_at,
        signer=pair.subject,
        certificate_sha256=pair.fingerprint,
    )


def verify_pdf(pdf: bytes, *, agency: Agency) -> VerifyResult:
    """Validate the (last) signature of `pdf` with pyHanko against the agency's certificate."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    pair = agency_key(agency, create=False)
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    signatures = reader.embedded_signatures
    if not signatures:
        return VerifyResult(False, False, False, False, "", None)
    status = validate_pdf_signature(
        signatures[-1], ValidationContext(trust_roots=[_asn1_cert(pair)])
    )
    return VerifyResult(
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        covers_whole_file=status.coverage is not None and status.coverage.name == "ENTIRE_FILE",
        signer=status.signing_cert.subject.human_friendly if status.signing_cert else "",
        signed_at=status.signer_reported_dt,
    )


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
