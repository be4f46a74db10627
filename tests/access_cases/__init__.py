"""One module per area, each defining CASES: see tests/access.py for how to write them."""
