"""What follows a change: recorded with the change, carried out by the task worker.

A service that changes data calls `due(change, library_ids=…)` inside its transaction.
That writes one `DueFollowUp` row per follow-up and target (stages, summaries, kept pages…,
as the project's plan, `settings.FOLLOW_UP_PLAN`, lists for that change) and enqueues
`run_due_followups` on the django-tasks queue. The worker runs each follow-up once for
everything due (an import of 10,000 rows recomputes each library once) and deletes the
rows it carried out, in the same transaction as the follow-up's own writes. A follow-up
that fails keeps its rows, with the error, and is retried by the next run; after
`MAX_ATTEMPTS` it waits for the program admin (Django admin, "Follow-ups").
"""
