"""``python -m summarize.cli``: the same as the ``summarize`` command."""

from .app import main

main()
