"""The demo data of the five seed documents: one module per seed, and the loader."""
