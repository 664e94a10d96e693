"""Performance benchmarks: `python -m benchmarks.run [--quick] [--only NAME]` (see RESULTS.md)."""
