#!/usr/bin/env bash
# All benchmarks in one command (run by hand; results go in the README):
#   bash bench/run_all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
$PY bench/draft_vs_docx.py --runs 15
$PY bench/mine_vs_posseg.py --runs 3
$PY bench/parse_and_scaling.py --scales 1,10,100 --jobs 2
$PY bench/writer_vs_docx.py
$PY bench/hostile_inputs.py
$PY bench/draft_bank_time.py
$PY bench/suggestion_fit.py
$PY bench/figures_only.py
$PY bench/parse_variants.py
$PY bench/gather_simulation.py
$PY bench/gather_to_draft.py
