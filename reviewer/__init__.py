"""reviewer: cited answers and checked literature surveys over a corpus of abstracts."""

__version__ = "0.1.0"
