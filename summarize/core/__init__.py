"""The building blocks of a briefing: inputs, grounding, the checks on a draft, prompts, the token
budget, jobs and provenance. :mod:`summarize.pipeline` puts them together."""
