"""drafter: first drafts of 政府工作报告 from a region's data, laid out per GB/T 9704-2012."""

__version__ = "0.1.0"
