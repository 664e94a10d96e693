"""`reviewer survey`: a checked, cited literature survey built stage by stage (see run.py)."""
