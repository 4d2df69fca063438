"""Service quality, the supervisor's seat: ratings (好差评) and the bad-rating cases they open,
and the alerts supervisors act on (idle and tidal windows, failed prints, a refused sync)."""
