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


def _office_templates(tmp_path: Path, opening: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "opening.j2").write_text(opening, encoding="utf-8")
    return folder


def test_the_template_environment_is_kept_and_a_changed_template_is_read_again(tmp_path):
    report = load(EXAMPLE)
    folder = _office_templates(tmp_path, '{% part "opening" %}{% para %}【甲稿】{% endpara %}{% endpart %}\n')
    first = text(compose(report, templates=folder))
    assert "【甲稿】" in first
    _office_templates(tmp_path, '{% part "opening" %}{% para %}【乙稿】{% endpara %}{% endpart %}\n')
    os.utime(folder / "opening.j2", (1, 1))  # another edit time, however fast the edit came
    second = text(compose(report, templates=folder))
    assert "【乙稿】" in second and "【甲稿】" not in second


def test_a_template_added_to_the_office_folder_is_used_by_the_next_draft(tmp_path):
    report = load(EXAMPLE)
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a template", encoding="utf-8")
    before = text(compose(report, templates=folder))
    _office_templates(tmp_path, '{% part "opening" %}{% para %}【新加】{% endpara %}{% endpart %}\n')
    assert "【新加】" not in before and "【新加】" in text(compose(report, templates=folder))
    (folder / "opening.j2").unlink()
    assert text(compose(report, templates=folder)) == before


def test_the_sandbox_budgets_count_per_draft_not_per_process(monkeypatch):
    """One environment serves many drafts; its loop and call counters start at zero each time,
    so the tenth draft of a batch gets the same budget as the first."""
    from drafter import limits
    from drafter.compose import _environment

    report = load(EXAMPLE)
    compose(report)
    env = _environment(None)
    assert (env.loops, env.calls, env.depth) == (0, 0, 0)  # reset when handed out
    compose(report)
    one_draft = env.calls
    assert env is _environment(None) and one_draft > 0
    monkeypatch.setattr(limits, "MAX_TEMPLATE_CALLS", one_draft + one_draft // 2)
    for _ in range(3):
        compose(report)  # a budget counted per process would stop the second of these


def test_suggestion_pools_are_kept_on_the_bank_and_a_second_draft_suggests_the_same():
    """The figures-only twin has its headings and leads suggested: a second draft on the same
    bank reuses the candidate pools and writes the same text; a draft of another place does not
    take the first place's pools (what may be offered depends on the province)."""
    from drafter.phrases import suggest

    twin = ROOT / "examples" / "xianyang_2024_figures.yaml"
    bank = load_bank(ROOT / "style_corpus" / "phrases")
    report = load(twin)
    first = compose(report, seed=0, bank=bank)
    pools = {k: id(v) for k, v in bank.cache.items() if k[0] == "suggest"}
    assert pools
    assert text(compose(report, seed=0, bank=bank)) == text(first)
    assert {k: id(v) for k, v in bank.cache.items() if k[0] == "suggest"} == pools
    other = load(ROOT / "examples" / "gaoping_2024_figures.yaml")
    compose(other, seed=0, bank=bank)
    assert any(k[4] == "山西" for k in bank.cache) and any(k[4] == "陕西" for k in bank.cache)
    assert len(bank.cache) <= suggest.POOLS_KEPT
