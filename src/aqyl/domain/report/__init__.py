"""The analytical note as data: figures per period and direction, shares, growth, country sets."""
