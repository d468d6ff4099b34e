"""Reports on a package: the quality suite (Great Expectations), the QA summary, the data
dictionary, the charts, `stats`, and how a query's result is printed."""
