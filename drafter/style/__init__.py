"""Layout profiles (GB/T 9704-2012 by default)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import DrafterError, display_path
from ..readers.validate import validate_with_positions
from ..readers.yaml_data import load_yaml_file, load_yaml_text
from .profile import SIZE_NAMES, StyleProfile

DEFAULT_PROFILE_PATH = Path(__file__).with_name("gbt9704.yaml")


def _deep_merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _deep_merge(out[k], v)
        else:
            out[k] = v
    return out


@lru_cache(maxsize=1)
def _default_raw() -> dict:
    return load_yaml_text(DEFAULT_PROFILE_PATH.read_text(encoding="utf-8"), "gbt9704.yaml").data


def default_profile() -> StyleProfile:
    return StyleProfile.model_validate(_default_raw())


def load_profile(path: str | Path | None = None) -> StyleProfile:
    """The default profile, overridden key by key by the office's file (if any).

    Errors in the office's file are reported with file:line:column by the YAML reader.
    """
    if path is None:
        return default_profile()

    loaded = load_yaml_file(Path(path))
    if not isinstance(loaded.data, dict):
        kind = "列表" if isinstance(loaded.data, list) else "单个值"
        raise DrafterError(
            f"{display_path(path)} 版式文件应为“键: 值”组成的映射（如 page:、body:），这里是{kind}"
        )
    merged = _deep_merge(_default_raw(), loaded.data)
    return validate_with_positions(StyleProfile, merged, loaded)


__all__ = ["StyleProfile", "SIZE_NAMES", "default_profile", "load_profile", "DEFAULT_PROFILE_PATH"]
