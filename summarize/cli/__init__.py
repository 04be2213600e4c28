"""The command line: one module per command group over the library, registered here in the order
``--help`` lists them; :mod:`.app` holds the frame (the Typer app, logging, the one error handler,
the entry point)."""

from . import analyse, batch, brief, compare, info, serve, setup
from .app import app, main

app.command()(brief.brief)
app.command()(analyse.analyze)
app.command("eval")(analyse.eval_command)
app.command()(info.schema)
app.command()(info.prompts)
app.command()(batch.batch)
app.command()(compare.compare)
app.command()(info.runs)
setup.register(app)
serve.register(app)

__all__ = ["app", "main"]
