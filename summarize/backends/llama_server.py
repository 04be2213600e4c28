"""The embedded model's server process: llama-cpp-python's OpenAI-compatible server, with the
model's weights kept in llama.cpp's plain CPU buffers.

Where the CPU offers them, llama.cpp moves a model's weights into "extra" buffer types: layouts
repacked for the CPU's vector units and, on Intel CPUs with AMX (Sapphire Rapids and later), AMX
tiles. On such a CPU the AMX matrix product of llama.cpp as built by llama-cpp-python 0.3.36
crashes the process (a segmentation fault) at the first prompt of more than one token, which is
every briefing (ggml-org/llama.cpp#20824 reports the same crash in ``ggml_backend_amx_mul_mat``).
Keeping the weights in plain buffers (llama.cpp's ``use_extra_bufts = false``, its server's
``--no-repack``) avoids that path; SmolLM2's Q4_1 weights are not repacked on other CPUs, so
nothing is lost there. llama-cpp-python's server does not expose the setting, so this module sets
it in the model parameters' defaults and then runs that server with the arguments it was given.

Run as ``python -m summarize.backends.llama_server`` with llama_cpp.server's arguments
(:class:`summarize.backends.local.EmbeddedServer` does).
"""

from __future__ import annotations

from typing import Any

__all__ = ["main", "plain_buffers"]


def plain_buffers(defaults: Any) -> Any:
    """``llama_model_default_params`` with the extra buffer types off (where the llama.cpp
    underneath has the setting; an older one has no such buffers to turn off)."""

    def params() -> Any:
        p = defaults()
        if hasattr(p, "use_extra_bufts"):
            p.use_extra_bufts = False
        return p

    return params


def main() -> None:
    from llama_cpp import llama_cpp as native
    from llama_cpp.server.__main__ import main as serve

    native.llama_model_default_params = plain_buffers(native.llama_model_default_params)
    serve()  # type: ignore[no-untyped-call]


if __name__ == "__main__":
    main()
