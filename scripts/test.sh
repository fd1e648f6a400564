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
# Tests run in parallel, one worker per core up to four (TIAKI_TEST_WORKERS=0: in this process), a
# test file to a worker so that a module's costly fixture (a served demo case) is built once.
cores=$(nproc 2>/dev/null || echo 1)
workers=${TIAKI_TEST_WORKERS:-$((cores < 4 ? cores : 4))}
echo "== tests on SQLite ($workers workers)"
pytest -q -n "$workers" --dist loadfile "$@"
echo "== database tests on PostgreSQL ($workers workers)"
DATABASE_URL=$(scripts/postgres.sh) pytest -q -n "$workers" --dist loadfile -m db "$@"
