"""Statistical models over data frames (polars, pyfixest): heavier than the pure domain core, which
they use for labels and errors, and kept out of it."""
