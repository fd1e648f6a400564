#!/usr/bin/env bash
# Quick start, step 2: set up and run the checks and the tests, on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-deps.sh
scripts/setup.sh dev
. .venv/bin/activate
echo "== ruff"; ruff check src tests bench scripts; ruff format --check src tests bench scripts
echo "== mypy"; mypy
echo "== import-linter"; lint-imports
export TIAKI_DATA_DIR=${TIAKI_DATA_DIR:-$(mktemp -d /tmp/tiaki-test-XXXX)}
echo "== tests on SQLite"
pytest -q "$@"
echo "== database tests on PostgreSQL"
DATABASE_URL=$(scripts/postgres.sh) pytest -q -m db "$@"
