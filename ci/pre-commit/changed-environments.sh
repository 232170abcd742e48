#!/usr/bin/env bash
# pre-commit entry of btyun (.pre-commit-hooks.yaml): `changed-environments.sh validate|check FILE…`.
# Runs `btyun validate` or `btyun check` once per environment folder (environments/<name>/) that one
# of the changed FILEs belongs to; exit status: the worst of the runs (0 ok, 1 findings, 2 bad input).
# btyun: $BTYUN if set (e.g. "npx --no-install btyun"), else ./node_modules/.bin/btyun of the
# repository being committed to, else this checkout's bin/btyun.js (built by `npm ci`).
set -uo pipefail
mode="${1:-}"
shift || true
case "$mode" in
  validate | check) ;;
  *) echo "usage: changed-environments.sh validate|check FILE…" >&2; exit 2 ;;
esac
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -n "${BTYUN:-}" ]; then read -r -a btyun <<<"$BTYUN"
elif [ -x node_modules/.bin/btyun ]; then btyun=(node_modules/.bin/btyun)
else btyun=(node "$here/bin/btyun.js"); fi

declare -A seen=()
envs=()
for f in "$@"; do
  case "$f" in
    environments/schemas/*) continue ;;
    environments/*/*.yaml | environments/*/*.yml) ;;
    *) continue ;;
  esac
  dir="$(dirname "$f")"
  [ -n "${seen[$dir]:-}" ] && continue
  seen[$dir]=1
  envs+=("$dir")
done

status=0
for dir in "${envs[@]}"; do
  if [ "$mode" = validate ]; then
    "${btyun[@]}" validate --env "$dir"
  else
    "${btyun[@]}" check --env "$dir" --quiet --compact ${BTYUN_FAIL_ON:+--fail-on "$BTYUN_FAIL_ON"}
  fi
  code=$?
  [ "$code" -gt "$status" ] && status=$code
done
exit "$status"
