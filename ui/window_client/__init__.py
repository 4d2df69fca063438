"""The window client (窗口叫号端): a clerk's screen at a numbered desk."""
