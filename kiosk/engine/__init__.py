"""The queue engine: commands validate against the state, emit events, and the projector applies
them in the same transaction.

The spine stays here (base.py: the store, its writer and one transaction per command; commit.py
the group commit; projector.py the merge of the rooms' projection tables; hall.py the Hall that
composes the rooms; settings.py what a hall is set up as; idempotency.py and auth.py), and each
room has a package of its own: queue/, supervision/, helpdesk/. phone.py is what a citizen's
phone may read of both the queue and the cases.
"""
