"""`analyst feed ...`: filled in by the issue-14 work."""

from __future__ import annotations
