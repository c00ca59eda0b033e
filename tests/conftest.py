"""Shared fixtures: the project's own files only (never ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = ROOT / "style_corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def _temporary_cache(tmp_path_factory):
    """The compiled-template cache (compose._bytecode_cache, under $XDG_CACHE_HOME) goes to a
    temporary folder for the whole session, subprocesses included: the suite leaves nothing in
    ~/.cache/drafter."""
    import os

    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if saved is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved


def load_bench(name: str):
    """bench/<name>.py as a module: tests that measure do it with the bench's own code."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the class is built
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def gather_bench():
    """bench/gather_simulation.py as a module: the gather tests measure with the bench's own code."""
    return load_bench("gather_simulation")


@pytest.fixture
def run_cli(capsys):
    """Run `drafter ARGS…` in-process; returns (exit code, stdout, stderr)."""
    from drafter.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


MINIMAL = """\
meta:
  region: 咸阳市
  level: 市
  year: 2024
  meeting: 咸阳市第九届人民代表大会第四次会议
  date: 2024-02-05
  speaker: 冷劲松
review:
  intro: 一年来，我们在省委、省政府和市委的坚强领导下，高质量发展迈出坚实步伐。
  headline:
    - {name: 生产总值, value: 2878, unit: 亿元, growth: 4.3}
  sections:
    - title: 综合施策稳增长，经济运行回升向好
      facts:
        - {name: 规上工业增加值, growth: 7.2, compare: [{scope: 全省, diff: 2.2}]}
  problems: [经济回升向好的基础尚不稳固]
targets:
  requirements: 做好今年政府工作，要坚持稳中求进工作总基调。
  indicators:
    - {name: 生产总值, value: 6, qualifier: 左右}
key_tasks:
  areas:
    - title: 强化创新驱动，加快建设秦创原科技成果转化先行区
      items:
        - {lead: 促进创新协同, measures: [锚定国家创新型城市目标。]}
self_building:
  items:
    - {lead: 旗帜鲜明讲政治, text: 坚决做到“两个维护”。}
closing:
  vision: 加快建设现代化“西部名市丝路名都”
"""


@pytest.fixture
def minimal(tmp_path) -> Path:
    p = tmp_path / "data.yaml"
    p.write_text(MINIMAL, encoding="utf-8")
    return p
