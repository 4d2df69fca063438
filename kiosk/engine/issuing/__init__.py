"""Who may take a ticket, when, and how many: opening hours with the hall's calendar, daily
quotas with a share kept for bookings, and real-name tickets (docs/issuing.md)."""
