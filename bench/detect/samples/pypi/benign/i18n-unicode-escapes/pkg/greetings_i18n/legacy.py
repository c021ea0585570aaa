# -*- coding: latin-1 -*-
"""Names kept in their original Latin-1 spelling."""
LATIN1_NAMES = ["José", "François", "Müller", "Åsa"]
