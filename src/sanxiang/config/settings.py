"""Settings: one base, read from the environment through `config.env`.

Production (`SANXIANG_DEBUG=0`) refuses to start without a real secret key (NetBox's rule).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from sanxiang.config.env import PROJECT_ROOT, env_bool, env_int, env_list, env_str

SRC_DIR = Path(__file__).resolve().parents[1]
VAR_DIR = Path(env_str("SANXIANG_VAR_DIR", str(PROJECT_ROOT / "var")))

DEBUG = env_bool("SANXIANG_DEBUG", True)
_DEV_SECRET = "dev-only-insecure-key-never-use-in-production"  # noqa: S105 - dev default
SECRET_KEY = env_str("SANXIANG_SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY or (not DEBUG and SECRET_KEY == _DEV_SECRET):
    raise ImproperlyConfigured("SANXIANG_SECRET_KEY must be set when SANXIANG_DEBUG=0")

ALLOWED_HOSTS = env_list("SANXIANG_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Listed so that the API docs use django-ninja's bundled Swagger UI, not a CDN copy.
    "ninja",
    "sanxiang.core",
    "sanxiang.registry",
    "sanxiang.cases",
    "sanxiang.web",
    "sanxiang.ledger",
    "sanxiang.review",
    "sanxiang.documents",
    "sanxiang.evidence",
    "sanxiang.publicity",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sanxiang.web.middleware.ChineseByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

if not DEBUG:
    # Production serves the collected static files itself (no CDN, no separate web server
    # needed); in development `runserver` serves them from the apps' folders.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "sanxiang.config.urls"
WSGI_APPLICATION = "sanxiang.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sanxiang.web.context_processors.navigation",
            ],
        },
    },
]

# The embedded default is SQLite under var/; DATABASE_URL selects PostgreSQL (or another).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'sanxiang.sqlite3'}"),
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database lives under var/ (or SANXIANG_VAR_DIR): make sure it can be created.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers proceed during a write; IMMEDIATE avoids lock-upgrade deadlocks when
    # two requests write at once (the embedded default serves a whole agency).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "registry.User"
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Simplified Chinese by default; English selectable (DESIGN.md §3 decision 14).
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("SANXIANG_MEDIA_ROOT", str(VAR_DIR / "media")))
# Files that must never be served as plain media (evidence, issued documents, case files):
# a local folder by default, S3-compatible object storage for scale-out (DESIGN.md decision 9).
# Access goes only through views that check the user and log custody.
PRIVATE_ROOT = Path(env_str("SANXIANG_PRIVATE_ROOT", str(VAR_DIR / "private")))
_PRIVATE_STORAGE: dict[str, Any] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": PRIVATE_ROOT, "base_url": None},
}
if env_str("SANXIANG_STORAGE", "local") == "s3":
    _PRIVATE_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("SANXIANG_S3_BUCKET", "sanxiang"),
            "endpoint_url": env_str("SANXIANG_S3_ENDPOINT", "") or None,
            "access_key": env_str("SANXIANG_S3_ACCESS_KEY", ""),
            "secret_key": env_str("SANXIANG_S3_SECRET_KEY", ""),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": _PRIVATE_STORAGE,
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SANXIANG_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("SANXIANG_LOG_LEVEL", "WARNING")},
}

# Tamper-evident ledger (DESIGN.md §3 decision 6, docs/ledger.md): the checkpoint origin (also
# the signing key's name), the Ed25519 signing key file (created on first use, mode 0600, never
# in the repository) and how often appends trigger a new signed checkpoint.
SANXIANG_LEDGER_ORIGIN = env_str("SANXIANG_LEDGER_ORIGIN", "sanxiang.local/ledger")
SANXIANG_LEDGER_KEY_FILE = Path(
    env_str("SANXIANG_LEDGER_KEY_FILE", str(VAR_DIR / "ledger" / "checkpoint.key"))
)
SANXIANG_LEDGER_CHECKPOINT_SECONDS = env_int("SANXIANG_LEDGER_CHECKPOINT_SECONDS", 60)

# ---- Background tasks (DESIGN.md §3 decision 10, docs/decisions/0005-background-tasks.md) ----
# One interface: django-tasks, the backport of Django 6's `django.tasks` (`@task`, `.enqueue()`).
# SANXIANG_TASKS_BACKEND picks where enqueued tasks run:
#   immediate (default)  in-process, in the enqueuing thread: the embedded profile, nothing to run
#   database             stored in the database and run by `sanxiang db_worker` processes, on any
#                        number of hosts (scale-out; PostgreSQL hands each task to one worker)
# The database backend's app is installed in every profile, so switching needs no migration.
# Periodic jobs (`<app>.tasks.PERIODIC_TASKS`) run from cron or a systemd timer through
# `sanxiang tasks periodic` (docs/deploy.md).
SANXIANG_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
SANXIANG_TASKS_BACKEND = env_str("SANXIANG_TASKS_BACKEND", "immediate").strip().lower()
if SANXIANG_TASKS_BACKEND not in SANXIANG_TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"SANXIANG_TASKS_BACKEND must be one of {', '.join(SANXIANG_TASK_BACKENDS)}, "
        f"got {SANXIANG_TASKS_BACKEND!r} (see docs/decisions/0005-background-tasks.md)"
    )
TASKS = {
    "default": {
        "BACKEND": SANXIANG_TASK_BACKENDS[SANXIANG_TASKS_BACKEND],
        "QUEUES": ["default"],
    }
}
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
# ---- end of background tasks ----

# ---- Evidence, documents, registry targets (read from the environment here, used by the apps) ----
# Evidence: SM3 (GB/T 32905) beside SHA-256 when national cryptography is required; how long an
# unfinished resumable upload is kept; how often every stored file is re-hashed.
SANXIANG_EVIDENCE_SM3 = env_bool("SANXIANG_EVIDENCE_SM3", False)
SANXIANG_EVIDENCE_UPLOAD_HOURS = env_int("SANXIANG_EVIDENCE_UPLOAD_HOURS", 72)
SANXIANG_EVIDENCE_VERIFY_DAYS = env_int("SANXIANG_EVIDENCE_VERIFY_DAYS", 30)
# Documents: the agencies' signing keys and certificates (never in the repository).
SANXIANG_DOCUMENTS_KEY_DIR = Path(
    env_str("SANXIANG_DOCUMENTS_KEY_DIR", str(VAR_DIR / "documents" / "keys"))
)
# Registry targets: officers per portable recording device (the 津南 pilot standard).
SANXIANG_OFFICERS_PER_DEVICE = env_int("SANXIANG_OFFICERS_PER_DEVICE", 4)
