"""The supervisor's console (大厅主管): the live hall, alerts, bad-rating cases, reports,
assessment and exports, as a client of the hall server."""
