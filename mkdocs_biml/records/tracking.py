"""Tracking fields of a front-matter status: a ticket and two dates.

The long form of a status entry (``frontmatter.py``) may add::

    data:2:transfer:
      status: accepted
      ticket: SEC-1234            # text, or an http(s) URL (shown as a link)
      reviewed: 2026-11-02        # when the status was last reviewed
      expires: 2027-05-01         # after this date the status needs review

YAML reads an unquoted ``2026-11-02`` as a date and a quoted one as text: both
are accepted, and so is a full timestamp (its date is kept). What is not a date,
or a ticket that looks like a URL of another scheme, is reported and ignored.

"Today", for an expiry, is the date of ``SOURCE_DATE_EPOCH`` when it is set (the
reproducible-builds convention), else the date of the machine, in UTC: a build
of the same sources on the same day says the same.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping
from typing import Any

from ..catalog.usertext import text_problem
from ..catalog.valuetext import describe_value, short_repr
from ..frozen import Frozen

TRACKING_KEYS = ("ticket", "reviewed", "expires")
DATE_KEYS = ("reviewed", "expires")
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"

#: A ticket that starts like a URL (``scheme:``, but not ``SEC-1:``-like text)
#: must be a web one: a ``javascript:`` or ``file:`` link is never made of it.
#: A pattern, compiled (and cached by ``re``) when a ticket is first checked: a
#: case-insensitive one costs about 2M instructions to compile at import.
_URL_LIKE = r"^[A-Za-z][A-Za-z0-9+.-]*://|^(javascript|data|vbscript|file|mailto):"
_WEB_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.I)


class Tracking(Frozen):
    """Ticket and dates of one status entry; empty fields when not given."""

    ticket: str = ""
    reviewed: dt.date | None = None
    expires: dt.date | None = None

    @property
    def ticket_url(self) -> str:
        """The ticket when it is a web address, to link to; else ""."""
        return self.ticket if _WEB_URL.match(self.ticket) else ""

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def __bool__(self) -> bool:
        return bool(self.ticket) or self.reviewed is not None or self.expires is not None

    def as_json(self) -> dict[str, Any]:
        """The register's fields: the ticket ("" when none), dates as ISO text or null."""
        return {
            "ticket": self.ticket,
            "reviewed": iso(self.reviewed),
            "expires": iso(self.expires),
        }

    def merged(self, other: Tracking) -> Tracking:
        """Each field of ``self``, or of ``other`` where ``self`` has none."""
        return Tracking(
            self.ticket or other.ticket,
            self.reviewed or other.reviewed,
            self.expires or other.expires,
        )


NO_TRACKING = Tracking()


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def read_tracking(
    value: Mapping[Any, Any], tag: str, report: Callable[[str, str], None]
) -> Tracking:
    """The tracking fields of a long-form entry; ``report(key, message)`` for each bad one."""
    ticket = _ticket(value.get("ticket"), tag, report) if "ticket" in value else ""
    dates = {
        key: _date(value.get(key), key, tag, report) if key in value else None for key in DATE_KEYS
    }
    return Tracking(ticket, dates["reviewed"], dates["expires"])


def _ticket(value: object, tag: str, report: Callable[[str, str], None]) -> str:
    # A ticket number YAML reads as an integer is a ticket all the same; true/false is not.
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        report(
            "ticket",
            f"front matter: the ticket of [{tag}] must be text, on one line, not "
            f"{describe_value(value)}; it is ignored",
        )
        return ""
    text = str(value).strip()
    problem = text_problem(text, name=True)  # control characters and line breaks
    if problem:
        report("ticket", f"front matter: the ticket of [{tag}] {problem}; it is ignored")
        return ""
    if re.match(_URL_LIKE, text, re.I) and not _WEB_URL.match(text):
        report(
            "ticket",
            f"front matter: the ticket of [{tag}] is the address {short_repr(text)}, which is "
            f"not a web (http or https) URL: give a web address or the ticket's id; it is ignored",
        )
        return ""
    return text


def _date(value: object, key: str, tag: str, report: Callable[[str, str], None]) -> dt.date | None:
    day = parse_date(value)
    if day is None:
        shown = "nothing" if value is None else describe_value(value)
        report(
            key,
            f"front matter: the {key} date of [{tag}] is {shown}, not a date: write it "
            f"as YYYY-MM-DD (e.g. '{key}: 2027-05-01'); it is ignored",
        )
    return day


def parse_date(value: object) -> dt.date | None:
    """A date from YAML's date or timestamp, or from ISO text; None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:  # 2027-02-30
            return None
    return None


#: YYYY-MM-DD only: Python 3.11 would also read 20270501 and week dates.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def today(environ: Mapping[str, str] = os.environ) -> dt.date:
    """The date of ``SOURCE_DATE_EPOCH`` when set (and a whole number), else today's, in UTC."""
    epoch = environ.get(SOURCE_DATE_EPOCH, "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()
