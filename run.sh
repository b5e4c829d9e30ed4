#!/usr/bin/env bash
# Coverage Lens: one command for each job, doing all set-up on the way.
#   ./run.sh app    create .venv if needed, install requirements, start the app on the seeds
#   ./run.sh test   the same set-up plus dev tools and Debian's chromium, then lint + all tests
#   ./run.sh bench  run the speed benchmark (benchmarks/run.py; pass --quick for the short one)
#   ./run.sh accuracy  run the accuracy benchmark on ../shared/eval (benchmarks/accuracy.py)
#   ./run.sh cli ARGS  the command line (python -m lib ARGS) in the project's .venv
set -euo pipefail
cd "$(dirname "$0")"

PY=${PYTHON:-python3}
VENV=.venv

ensure_venv() {
  local reqs=("$@") stamp="$VENV/.installed" want
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
      || { echo "Coverage Lens needs Python 3.10 or newer (found: $($PY --version))" >&2; exit 1; }
    "$PY" -m venv "$VENV"
  fi
  want=$(cat "${reqs[@]}" | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    local args=()
    for r in "${reqs[@]}"; do args+=(-r "$r"); done
    "$VENV/bin/python" -m pip install --quiet "${args[@]}"
    echo "$want" > "$stamp"
  fi
}

ensure_chromium() {
  if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
    return
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests…"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: no chromium found and no apt-get; browser tests will be skipped" >&2
  fi
}

case "${1:-}" in
  app)
    ensure_venv requirements.txt
    shift
    # The example's analysis ships precomputed (assets/seed-analysis): no warm-up needed.
    exec "$VENV/bin/python" -m streamlit run app.py "$@"
    ;;
  test)
    ensure_venv requirements.txt requirements-dev.txt
    ensure_chromium
    shift
    "$VENV/bin/python" -m ruff check .
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  bench)
    ensure_venv requirements.txt requirements-dev.txt
    ensure_chromium
    shift
    exec "$VENV/bin/python" benchmarks/run.py "$@"
    ;;
  accuracy)
    ensure_venv requirements.txt requirements-dev.txt
    shift
    exec "$VENV/bin/python" benchmarks/accuracy.py "$@"
    ;;
  cli)
    ensure_venv requirements.txt
    shift
    exec "$VENV/bin/python" -m lib "$@"
    ;;
  *)
    echo "usage: ./run.sh app | test | bench | accuracy | cli [args]" >&2
    exit 2
    ;;
esac
