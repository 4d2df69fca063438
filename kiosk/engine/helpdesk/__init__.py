"""The help desk (咨询台) and the hall's knowledge base.

commands.py holds presence and the steps of a consultation under 首问负责, consultations.py
asking a question, rules.py who may act on one, tickets.py turning one into a queue ticket,
views.py what the desk reads, alerts.py its alerts, figures.py its day in numbers;
knowledge.py the FAQs and notices, knowledge_docs.py their outward shapes; projection.py
applies the room's events to its tables.
"""
