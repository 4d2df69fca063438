"""The rating pad (评价器): the small screen facing the citizen at a window."""
