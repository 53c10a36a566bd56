"""Storage adapter: the Django models of the register and the functions that read and write them."""
