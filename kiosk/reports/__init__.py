"""Figures a hall computes from its own store, for its supervisors and to check the center."""
