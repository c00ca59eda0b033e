"""Checks of an office's data and drafts: target verdicts, fact checks, consistency.

    run.py          run_check(...) -> CheckResult: the whole of `drafter check`
    targets_table.py  the 指标 / 目标 / 实际 / 结论 table of review.checks
    draft_file.py   reading the draft (.docx, or drafter's .txt / .md); refusing other files
    composed.py     the composition laid out paragraph by paragraph, runs and data paths kept
    align.py        which draft character is which composed character
    numbers.py      numbers in report text (2878, 4.3%, 居全省第一)
    paths.py        data paths back to figures: name, unit, status, department
    facts.py        changed / missing / invented numbers; reworded verdicts
    consistency.py  years, plan period, level words, number formats, punctuation, repeats,
                    placeholders
    repeats.py      words said twice: a figure verb in one clause, a leadership chain in one
                    sentence, a lead the next sentence merely repeats
    origins.py      who wrote a stretch of text: the office, the composer, or a hand in Word
    previous.py     this year's review.checks against last year's targets
    sheet.py        the 数据核对表 (.xlsx) for departments
    render.py       the Chinese report: rich tables, .txt / .md file
    findings.py, result.py  what the checks return

The verdicts (完成 / 超额完成 / 基本完成 / 未完成 of last year's targets) are the model's:
drafter/model/verdict.py, which the composer and these checks both ask.
"""
