#!/usr/bin/env bash
# Quick start, step 1: set up and run the demo (a synthetic operation, end to end, on SQLite).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/tiaki demo "$@"
