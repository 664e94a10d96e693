"""Corpus parsers: turn input files into PaperRecords. Public entry point: `reviewer.ingest.parse`."""
