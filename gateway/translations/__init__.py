"""The portal's message catalogues (gettext): ur/LC_MESSAGES/messages.po and .mo,
generated from urdu.URDU by `python -m gateway.translations` (make translations)."""
