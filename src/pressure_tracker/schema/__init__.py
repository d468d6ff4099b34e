"""The schema: schemas/*.yaml loaded strictly (the spec), where a package lives, the analytic views,
the DuckDB reading of the CSVs and the file conventions. The lowest layer: it imports no other job
of the library, and never pandas."""
