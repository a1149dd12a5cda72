"""What the people services announce, so that parts above them can react without being called.

`perpus.notifications` builds on the people services (a notification choice is saved as
one's own details); the people services therefore never call it, and say what changed instead.
"""

from django.dispatch import Signal

#: Sent by `services.update_own_account` inside its transaction, once the person's own details
#: are saved and logged, with `user` and `changes` ({field: [old, new]}, private values blanked).
own_account_changed = Signal()
