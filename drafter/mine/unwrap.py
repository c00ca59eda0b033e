"""Hard-wrapped reports are joined by the parser (drafter/parse/unwrap.py, the one home of the
rule); this name stays for the miner's callers and tests."""

from ..parse.unwrap import PAGE_NUMBER, WRAPPED_SHARE, hard_wrapped, unwrap

__all__ = ["PAGE_NUMBER", "WRAPPED_SHARE", "hard_wrapped", "unwrap"]
