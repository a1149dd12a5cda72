"""Notifications: notices in the portal and by e-mail (immediately, in a daily digest, or off).

Other apps call `perpus.notifications.services.notify` (or `create_notices` for many
notices at once); this app never imports them. A notice stores its kind and JSON
parameters and is rendered in the reader's language when shown or mailed (`kinds`).
"""
