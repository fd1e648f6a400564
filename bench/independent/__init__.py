"""Independent synthetic operations for evaluating account resolution and placement."""
