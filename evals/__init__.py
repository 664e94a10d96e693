"""The eval harness: retrieval, claim-checking and citation-quality measurements (`reviewer eval ...`)."""
