"""The token budget: whether a prompt fits the model's context, and the chunks a long document is
read in when it does not."""

from __future__ import annotations

import logging
from collections.abc import Callable

from ..backends.registry import token_counter as _backend_token_counter
from ..document import Document
from ..errors import DocumentTooLongError
from ..schema.draft import LIMITS, DraftBriefing
from ..settings import Settings
from .chunking import Chunk, split_into_chunks
from .job import Call
from .prompts import Prompt

__all__ = ["Counter", "document_tag", "generative_calls", "surely_fits", "token_counter",
           "tokens"]

logger = logging.getLogger(__name__)

# Token counts: exact with the embedded model's own vocabulary; for other backends estimated
# from characters. Refusing a document uses a generous 4 characters per token (refuse only what
# surely does not fit); deciding whether it fits whole and cutting chunks use a low 2.2 (text
# full of names, numbers and quotes measured 2.55 with SmolLM2's tokenizer, news prose 3.5-5.4):
# a chunk that overflows the context fails, one a little smaller costs one more call.
_CHARS_PER_TOKEN = 4.0


_CHUNK_CHARS_PER_TOKEN = 2.2


# More characters per token than any tokenizer gives running text: the bound for refusing a
# document without counting it.
_MOST_CHARS_PER_TOKEN = 10.0


# Tokens a chat template adds per message (measured 7 with the embedded model), rounded up.
_MESSAGE_TOKENS = 8


# Room for a part's tokens to differ from its tokens inside the whole prompt.
_TOKEN_SLACK = 16


Counter = Callable[[str], int]


def token_counter(settings: Settings) -> Counter | None:
    """The model's own token count when its backend knows it without a server (the embedded
    model's vocabulary); otherwise None, and tokens are estimated from characters."""
    return _backend_token_counter(settings)


def surely_fits(messages: list[dict[str, str]], room: int) -> bool:
    """Byte-level tokenizers (the embedded model's) give at most one token per UTF-8 byte: a
    prompt whose bytes fit the room needs no counting (the usual case, kept off the hot path)."""
    return sum(len(m["content"].encode("utf-8")) + _MESSAGE_TOKENS for m in messages) <= room


def tokens(messages: list[dict[str, str]], count: Counter | None = None,
            chars_per_token: float = _CHARS_PER_TOKEN) -> int:
    if count is not None:
        return sum(count(m["content"]) + _MESSAGE_TOKENS for m in messages)
    return int(sum(len(m["content"]) for m in messages) / chars_per_token)


def document_tag(document: Document) -> str:
    """The tag that fences the document in the prompt. It carries the document's own hash, so
    the document cannot contain its closing tag (that would need a SHA-256 fixed point)."""
    return f"document-{document.sha256[:12]}"


def generative_calls(document: Document, settings: Settings, prompt: Prompt,
                      context_tokens: int | None) -> tuple[list[Call], list[Chunk], list[str]]:
    tag = document_tag(document)
    text = document.text
    whole = prompt.render(document=text, tag=tag, **LIMITS)
    if not context_tokens or surely_fits(whole, context_tokens - settings.max_tokens):
        return [Call(whole, DraftBriefing, settings.max_tokens)], [Chunk(0, document.length)], []
    count = token_counter(settings)
    overhead = tokens(prompt.render(document="", tag=tag, **LIMITS), count,
                       _CHUNK_CHARS_PER_TOKEN) + _TOKEN_SLACK
    budget = context_tokens - settings.max_tokens - overhead

    def too_long(parts: str) -> DocumentTooLongError:
        return DocumentTooLongError(
            f"the document needs {parts} parts of the model's {context_tokens}-token "
            f"context; the limit is {settings.max_chunks} parts (a model with a longer "
            "context, or the guided strategy, reads it whole)")

    if count is not None and budget > 0 and \
            len(text) / _MOST_CHARS_PER_TOKEN > budget * settings.max_chunks:
        # Hopeless at any tokenisation: refused before counting megabytes.
        raise too_long(f"more than {settings.max_chunks}")
    text_tokens = count(text) if count else int(len(text) / _CHUNK_CHARS_PER_TOKEN)
    if text_tokens + overhead + settings.max_tokens <= context_tokens:
        return [Call(whole, DraftBriefing, settings.max_tokens)], [Chunk(0, document.length)], []
    if budget < 256:
        raise DocumentTooLongError(
            f"the model's context ({context_tokens} tokens) leaves no room for the document "
            f"with {settings.max_tokens} tokens kept for the answer: lower the max_tokens setting"
        )
    if text_tokens > budget * settings.max_chunks:
        raise too_long(f"more than {settings.max_chunks}")
    # Characters per token of this very document when it can be counted.
    ratio = len(text) / max(1, text_tokens) if count else _CHUNK_CHARS_PER_TOKEN
    max_chars = int(budget * ratio)
    while True:
        chunks = split_into_chunks(text, max_chars, overlap_chars=max_chars // 10)
        if count is None or all(count(text[c.start:c.end]) <= budget for c in chunks) or \
                max_chars < 512:
            break
        max_chars = int(max_chars * 0.9)  # a denser stretch than the average: smaller parts
    if len(chunks) > settings.max_chunks:
        raise too_long(str(len(chunks)))
    calls = [Call(prompt.render(document=document.text[c.start:c.end], tag=tag, **LIMITS),
                  DraftBriefing, settings.max_tokens) for c in chunks]
    note = (f"The document is longer than the model's context: it was read in {len(chunks)} "
            f"overlapping parts; the title and bottom line come from the first part, the other "
            "sections from all of them.")
    logger.info("document split into %d chunks of at most %d characters", len(chunks), max_chars)
    return calls, chunks, [note]
