"""Settings, read from the environment so one build runs as demo, test and production."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF

from samenspel import env

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(env.tekst("SAMENSPEL_HOME", str(Path.cwd())))
VAR_DIR = BASE_DIR / "var"

DEBUG = env.ja_nee("DEBUG", False)
DEMO = env.ja_nee("SAMENSPEL_DEMO", False)
# The demo and tests run without configuration; production must set its own key.
DEMO_SECRET_KEY = "onveilig-alleen-voor-demo-en-tests-" + "x" * 20
SECRET_KEY = env.tekst("SECRET_KEY", DEMO_SECRET_KEY)
PRODUCTIE = env.ja_nee("SAMENSPEL_PRODUCTIE", False)
ALLOWED_HOSTS = env.lijst("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env.lijst("CSRF_TRUSTED_ORIGINS", "")
CSRF_FAILURE_VIEW = "samenspel.core.views.csrf_fout"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "samenspel.core",
    "samenspel.accounts",
    "samenspel.areas",
    "samenspel.directory",
    "samenspel.search",
    "samenspel.privacy",
    "samenspel.referrals",
    "samenspel.network",
    "samenspel.hsds",
    "samenspel.demo",
    "samenspel.wegwijzer",
    "samenspel.wijkscan",
    "samenspel.signals",
    "axes",
    # Logging in in two steps (accounts/tweestaps.py): an app's code, and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_ratelimit",
    "post_office",
    # Only for its static files: the API's Swagger page then loads its scripts from this
    # site, not from a CDN (django-ninja picks the CDN when it is not an app).
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which code (device) this session proved, then the rule of accounts/tweestaps.py: a
    # password alone opens nothing for the roles that log in in two steps.
    "django_otp.middleware.OTPMiddleware",
    "samenspel.accounts.tweestaps.TweeStappenMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it sees the response of a login that hit the limit.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samenspel.urls"
WSGI_APPLICATION = "samenspel.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samenspel.core.context.samenspel",
            ],
            "builtins": ["samenspel.core.templatetags.vertalen"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env.tekst("DATABASE_URL", f"sqlite:///{VAR_DIR / 'samenspel.sqlite3'}"),
        conn_max_age=env.getal("DB_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.Gebruiker"
LOGIN_URL = "accounts:inloggen"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

_redis = env.tekst("REDIS_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _redis}
        if _redis
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Only production collects static files; the demo and tests serve them from the apps.
STATIC_ROOT = env.tekst("STATIC_ROOT") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# E-mail: the demo keeps messages in a mailbox page; production sends through SMTP.
EMAIL_BACKEND = env.tekst(
    "EMAIL_BACKEND",
    "samenspel.demo.mail.PostvakBackend" if DEMO else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.tekst("EMAIL_HOST", "localhost")
EMAIL_PORT = env.getal("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.tekst("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.tekst("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.ja_nee("EMAIL_USE_TLS", False)
# Seconds before a silent mail server counts as down, so no page or command hangs on it.
EMAIL_TIMEOUT = env.getal("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env.tekst("DEFAULT_FROM_EMAIL", "Samenspel <noreply@example.org>")
SITE_URL = env.tekst("SITE_URL", "http://127.0.0.1:8000")
# The outbox (django-post-office): e-mail is a row written with the change that causes it;
# the sender (`samenspel post`, started by `samenspel serve`) hands it to EMAIL_BACKEND. A
# message that fails waits RETRY_INTERVAL, twice as long after each further failure (at most
# SAMENSPEL_POST_MAX_WACHT seconds), and is given up after MAX_RETRIES attempts.
POST_OFFICE = {
    "MAX_RETRIES": env.getal("SAMENSPEL_POST_POGINGEN", 500),
    "RETRY_INTERVAL": timedelta(seconds=env.getal("SAMENSPEL_POST_WACHT", 30)),
    "LOG_LEVEL": 1,  # keep a log row of every failure; a sent message is its own record
    # Within a priority, in the order written: without the id PostgreSQL may send a batch in
    # any order (the service's notice before the sender's, or the other way round).
    "SENDING_ORDER": ["-priority", "id"],
}
POST_MAX_WACHT = timedelta(seconds=env.getal("SAMENSPEL_POST_MAX_WACHT", 900))

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Browser features no page needs are switched off, also for anything a page might embed. The
# kaart's "near me" asks the visitor's location (static/samenspel/locatie.js): this site only.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "geolocation": ["self"],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}
if PRODUCTIE:
    SECURE_SSL_REDIRECT = env.ja_nee("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.getal("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Product settings
SAMENSPEL = {
    # A listing not confirmed for this many months gets a reminder and ranks lower.
    "BEVESTIG_MAANDEN": env.getal("SAMENSPEL_BEVESTIG_MAANDEN", 6),
    # Magic edit links stay valid this many days.
    "BEWERKLINK_DAGEN": env.getal("SAMENSPEL_BEWERKLINK_DAGEN", 30),
    # Personal data of closed referrals is erased after this many months.
    "BEWAAR_MAANDEN": env.getal("SAMENSPEL_BEWAAR_MAANDEN", 12),
    # The web: people who left or stepped out are erased this long after; their own links
    # (consent, own entry) stay valid this many days.
    "WEB_BEWAAR_MAANDEN": env.getal("SAMENSPEL_WEB_BEWAAR_MAANDEN", 12),
    "WEB_LINK_DAGEN": env.getal("SAMENSPEL_WEB_LINK_DAGEN", 30),
    # Unanswered referrals get a reminder after this many working days.
    "HERINNER_WERKDAGEN": env.getal("SAMENSPEL_HERINNER_WERKDAGEN", 3),
    # Failed logins before an account/IP pair is locked, and for how long.
    "INLOG_POGINGEN": env.getal("SAMENSPEL_INLOG_POGINGEN", 5),
    "INLOG_BLOKKADE_MINUTEN": env.getal("SAMENSPEL_INLOG_BLOKKADE_MINUTEN", 15),
    # Professionals, netwerkhouders and beheerders must set up logging in in two steps
    # (accounts/tweestaps.py) before they can open anything; on by default in production,
    # optional in the demo and during development.
    "TWEE_STAPPEN_VERPLICHT": env.ja_nee(
        "SAMENSPEL_TWEE_STAPPEN_VERPLICHT", PRODUCTIE and not DEMO
    ),
    # Reverse proxies (addresses or networks) whose X-Forwarded-For is believed; see
    # core/client_ip.py. Empty: the client's address is REMOTE_ADDR.
    "VERTROUWDE_PROXIES": env.lijst("SAMENSPEL_VERTROUWDE_PROXIES", ""),
    "TEGEL_URL": env.tekst("SAMENSPEL_TEGEL_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    # Wijkscan: listings within this many minutes from a buurt's centre, on foot (5 km/h)
    # and by bike (15 km/h); see wijkscan/bereik.py.
    "WIJKSCAN_LOPEN_MINUTEN": env.getal("SAMENSPEL_WIJKSCAN_LOPEN_MINUTEN", 15),
    "WIJKSCAN_FIETSEN_MINUTEN": env.getal("SAMENSPEL_WIJKSCAN_FIETSEN_MINUTEN", 10),
    # How long a gemeente's counted supply and a wijk's counted reach may be reused when
    # nothing saved has changed.
    "WIJKSCAN_BEWAAR_SECONDEN": env.getal("SAMENSPEL_WIJKSCAN_BEWAAR_SECONDEN", 300),
    "TEGEL_BRON": env.tekst("SAMENSPEL_TEGEL_BRON", "© OpenStreetMap-bijdragers"),
    # Signalen: the e-mail address left with a neighbourhood signal is erased after this
    # many days (the signal itself stays).
    "BUURTSIGNAAL_BEWAAR_DAGEN": env.getal("SAMENSPEL_BUURTSIGNAAL_BEWAAR_DAGEN", 90),
    # A worry about a person: a reminder to the team after this many working days without
    # a step, and its content erased this many days after it closed, or at the latest.
    "SIGNALEN_HERINNER_WERKDAGEN": env.getal("SAMENSPEL_SIGNALEN_HERINNER_WERKDAGEN", 2),
    "SIGNALEN_BEWAAR_DAGEN": env.getal("SAMENSPEL_SIGNALEN_BEWAAR_DAGEN", 30),
    "SIGNALEN_BEWAAR_MAX_DAGEN": env.getal("SAMENSPEL_SIGNALEN_BEWAAR_MAX_DAGEN", 90),
    # The search index's copy on disk, loaded by a server that starts (search/schijf.py);
    # empty: none.
    # Memory per process for the search page's ready result cards (search/kaartjes.py);
    # 0 renders every card of every page again.
    "KAARTJES_MB": env.getal("SAMENSPEL_KAARTJES_MB", 32),
    "ZOEKINDEX_BESTAND": env.tekst(
        "SAMENSPEL_ZOEKINDEX_BESTAND", str(VAR_DIR / "zoekindex.pickle")
    ),
    # Days a partner's link to judge the bouwstenen of their wijk stays valid.
    "OORDEEL_LINK_DAGEN": env.getal("SAMENSPEL_OORDEEL_LINK_DAGEN", 60),
}

# Content-Security-Policy (django-csp): scripts, styles, fonts and requests from this site
# only, no inline script or style anywhere (pages use classes and static files), no plugins,
# no framing. Images may also come from the map's tile server (SAMENSPEL_TEGEL_URL) and be
# data: URLs (Leaflet's and the design system's small icons).
_tegels = urlsplit(SAMENSPEL["TEGEL_URL"])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"]
        # A tile URL with subdomains ("{s}.tile…") allows them all.
        + ([f"{_tegels.scheme}://{_tegels.netloc.replace('{s}', '*')}"] if _tegels.netloc else []),
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Password guessing (django-axes): failures count per account *and* client address, so a
# stranger guessing at someone's account locks out only the stranger; the site login and the
# admin login alike. The form shows why (accounts/inlogbeveiliging.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = SAMENSPEL["INLOG_POGINGEN"]
AXES_COOLOFF_TIME = timedelta(minutes=SAMENSPEL["INLOG_BLOKKADE_MINUTEN"])
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "samenspel.core.client_ip.client_ip"
AXES_USERNAME_CALLABLE = "samenspel.accounts.inlogbeveiliging.gebruikersnaam"
AXES_LOCKOUT_CALLABLE = "samenspel.accounts.inlogbeveiliging.na_blokkade"
AXES_RESET_ON_SUCCESS = True
# The page says "probeer het over een kwartier": trying again while locked does not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Attempts live in the cache, so axes' database tables stay empty; no admin pages for them.
AXES_ENABLE_ADMIN = False
# The second step (django-otp): the name in the app, and a wrong code makes the next try wait
# 1, 2, 4, 8 … seconds (per device, in the database), so guessing 6 digits takes years.
OTP_TOTP_ISSUER = "Samenspel"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# The admin lists devices, never their secret keys.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Public forms (django-ratelimit) count per client by the same rule.
RATELIMIT_IP_META_KEY = "samenspel.core.client_ip.client_ip"

SILENCED_SYSTEM_CHECKS = [
    # Django's own Redis backend increments atomically; django-ratelimit's list of supported
    # backends predates it.
    "django_ratelimit.W001",
]
if not _redis:
    # Without REDIS_URL the cache is each process's own memory: right for the demo and the
    # tests; the counts are then per app process (README, REDIS_URL).
    SILENCED_SYSTEM_CHECKS += ["axes.W001", "django_ratelimit.E003"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.tekst("LOG_LEVEL", "WARNING")},
}
