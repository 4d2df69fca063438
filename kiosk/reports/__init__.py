"""Figures a hall computes from its own store: for its supervisors (the service report, the
assessment of clerks, the monthly window ranking, the bad-rating cases) and to check the
center (hall_figures)."""
