"""Validation: reading the CSVs, the screen (the fast pass that may only clear), the exact pass
(pyarrow and pandera, which names every problem), the rules a schema cannot state, problems, and
`fmt`. `run.validate` is the entry point; docs/validation.md says how the two passes agree."""
