"""Runs over many documents: batches (and the OpenAI Batch API) sharing one result writer, prompt
comparisons with their metrics and diffs, and the run log."""
