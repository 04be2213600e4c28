"""Backends: one contract (:mod:`.base`), a registry of kinds filled by the backend modules
(:mod:`.registry`), the OpenAI-compatible implementation (:mod:`.openai_compatible`), the embedded
model (:mod:`.local`) and the response cache (:mod:`.cache`)."""

from .base import AsyncBackend, Backend, Extraction
from .lazy import LazyBackend
from .openai_compatible import OpenAICompatibleBackend
from .registry import backend_identity, open_backend, token_counter

__all__ = ["AsyncBackend", "Backend", "Extraction", "LazyBackend", "OpenAICompatibleBackend",
           "backend_identity", "open_backend", "token_counter"]
