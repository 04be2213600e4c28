"""The HTTP service (``summarize serve``) and its page: see :mod:`summarize.service.app`."""

from .app import ServiceOptions, create_app

__all__ = ["ServiceOptions", "create_app"]
