"""Site generator for public information about the 287(g) Program."""
