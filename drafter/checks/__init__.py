"""Checks of an office's data and drafts: target verdicts, fact checks, consistency."""
