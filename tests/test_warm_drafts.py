"""Drafting again in the same process (a batch, a server) reuses what a loaded bank yields — its
number frames and the frames each pattern fits — and writes the same text as a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from drafter.api import load
from drafter.compose import compose, frames
from drafter.phrases.bank import load_bank

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "xianyang_2024.yaml"


def text(doc) -> str:
    return "".join(r.text for r in doc.runs())


def test_a_second_draft_reuses_the_banks_frames_and_writes_the_same_text():
    bank = load_bank(ROOT / "style_corpus" / "phrases")
    report = load(EXAMPLE)
    first = compose(report, seed=3, bank=bank)
    memo = frames._BY_BANK[bank]
    assert memo.texts and memo.fits  # kept for this bank
    shapes = {shape: len(texts) for shape, texts in memo.texts.items()}
    # only the texts some pattern fits were built into frames
    assert 0 < len(memo.frames) < sum(shapes.values()) / 5
    kept = {key: id(fits) for key, fits in memo.fits.items()}
    second = compose(report, seed=3, bank=bank)
    assert text(second) == text(first)
    assert {key: id(fits) for key, fits in frames._BY_BANK[bank].fits.items()} == kept  # not matched again
    # another bank object (an office's bank, or the same files read again) starts afresh
    other = load_bank(ROOT / "style_corpus" / "phrases")
    assert other not in frames._BY_BANK
    assert text(compose(report, seed=3, bank=other)) == text(first)


def test_a_warm_draft_equals_a_cold_one_byte_for_byte(tmp_path):
    """Three drafts in one process against one in a fresh process: same .docx bytes."""
    from drafter.api import draft

    for i in range(3):
        draft(EXAMPLE, tmp_path / f"warm{i}.docx", seed=1, force=True)
    env = {**os.environ, "PYTHONHASHSEED": "7"}
    subprocess.run([sys.executable, "-m", "drafter", "draft", str(EXAMPLE), "-o", str(tmp_path / "cold.docx"),
                    "--seed", "1"], check=True, env=env, capture_output=True)
    cold = (tmp_path / "cold.docx").read_bytes()
    assert all((tmp_path / f"warm{i}.docx").read_bytes() == cold for i in range(3))


def test_the_fits_memo_is_bounded(monkeypatch):
    bank = load_bank(ROOT / "style_corpus" / "phrases")
    monkeypatch.setattr(frames, "MAX_PATTERNS", 3)
    chooser = frames.FrameChooser(bank, 0)
    for n in range(7):
        chooser.fits("level", rf"(?:x{n})?\{{指标\}}\{{数\}}\{{单位\}}")
    assert len(frames._BY_BANK[bank].fits) <= 3


def test_the_chooser_builds_the_same_frames_as_frames_of():
    bank = load_bank(ROOT / "style_corpus" / "phrases")
    chooser = frames.FrameChooser(bank, 0)
    for shape in ("level", "growth", "level_growth", "rank"):
        assert chooser.frames(shape) == frames.frames_of(bank, shape)
