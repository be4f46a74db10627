"""The top layer: what combines the domain apps (the home page, the demo, the volume generator).

No other app imports it (pyproject.toml's import-linter contract).
"""
