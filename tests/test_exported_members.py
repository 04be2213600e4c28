from __future__ import annotations

import summarize


def test_all_lists_exactly_the_public_members() -> None:
    for name in summarize.__all__:  # each resolves (most load on first use, PEP 562)
        getattr(summarize, name)
    public = {
        name for name, value in vars(summarize).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith("summarize")
    }
    public |= {"SCHEMA_VERSION"}
    assert set(summarize.__all__) == public
    assert list(summarize.__all__) == sorted(summarize.__all__, key=str.lower)
    assert set(dir(summarize)) >= set(summarize.__all__)


def test_one_root_exception() -> None:
    errors = [getattr(summarize, n) for n in summarize.__all__ if n.endswith("Error")]
    assert all(issubclass(e, summarize.SummarizeError) for e in errors)
    codes = [e.exit_code for e in errors if e is not summarize.SummarizeError]
    assert len(codes) == len(set(codes)), "every error needs its own exit code"


def test_library_imports_without_the_cli() -> None:
    import subprocess
    import sys

    code = "import sys, summarize; sys.exit('typer' in sys.modules or 'summarize.cli' in " \
        "sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
