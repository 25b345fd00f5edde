"""What an application is made from: the database, where events go, the session secret, flags."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field

from ovaltime.services.events import Publisher
from ovaltime.store.engine import default_database_url
from ovaltime.web.demo import demo_pace_from_environment

__all__ = ["ENV_SECRET", "ENV_SECURE_COOKIES", "Settings"]

#: The environment variable holding the session secret (shared by every worker process).
ENV_SECRET = "OVALTIME_SECRET"
#: Set to ``1`` to mark the session cookie ``Secure`` (served over HTTPS only).
ENV_SECURE_COOKIES = "OVALTIME_SECURE_COOKIES"


def _random_secret() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Settings:
    """The settings of one application.

    ``database``: a SQLAlchemy URL, migrated when the application is created. ``publisher``:
    receives the services' events after each commit (any object with ``publish(event)``; an
    in-process ``EventLog`` when ``None``). ``secret``: signs session cookies; every process
    serving one site needs the same one (random, so valid for this process only, when not
    given). ``secure_cookies``: send the session cookie over HTTPS only. ``session_hours``: how
    long a login lasts. ``max_upload_bytes``: the largest file ``import`` accepts. ``docs``:
    serve the interactive API documentation at ``/api/docs``. ``demo_pace``: replay the demo
    championship live at this pace while serving (``web.demo``; ``None``: no demo).
    """

    database: str
    publisher: Publisher | None = None
    secret: str = field(default_factory=_random_secret, repr=False)
    secure_cookies: bool = False
    session_hours: float = 12.0
    max_upload_bytes: int = 20 * 1024 * 1024
    docs: bool = True
    demo_pace: float | None = None

    @classmethod
    def from_environment(cls) -> Settings:
        """Settings from ``OVALTIME_DATABASE``, ``OVALTIME_SECRET``, ``OVALTIME_SECURE_COOKIES``
        and ``OVALTIME_DEMO_PACE``: how worker processes started by ``ovaltime serve`` get them."""
        secret = os.environ.get(ENV_SECRET) or _random_secret()
        secure = os.environ.get(ENV_SECURE_COOKIES, "").strip().lower() in {"1", "true", "yes"}
        return cls(
            default_database_url(),
            secret=secret,
            secure_cookies=secure,
            demo_pace=demo_pace_from_environment(),
        )
