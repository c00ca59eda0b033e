"""Where the shipped templates and style corpus are: inside the installed package
(drafter/_data, put there by the wheel build) or, in a source checkout, at the top level."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PKG / "_data" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"drafter 安装不完整：找不到 {name} 目录")


def templates_dir() -> Path:
    return _find("templates")


def style_corpus_dir() -> Path:
    return _find("style_corpus")
