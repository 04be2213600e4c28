"""``python -m summarize``: the same as the ``summarize`` command."""

from .cli import main

main()
