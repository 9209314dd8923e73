#!/usr/bin/env bash
# Runs the database compatibility suite (apps/cms/tests/int/compat.int.spec.ts and
# standin.int.spec.ts) against each MongoDB-wire stand-in and prints a test × target table.
# The results back the table in docs/database.md.
#
# usage: bash packages/devdb/scripts/compat-matrix.sh [target…]
#
# targets (default: all, in this order):
#   mjs-memory         mongo-java-server, memory backend   DATABASE_COMPAT=mongo-java-server
#   mjs-h2             mongo-java-server, H2 backend       DATABASE_COMPAT=mongo-java-server
#   ferretdb-standin   FerretDB 1.24.2, SQLite backend     DATABASE_COMPAT=mongo-java-server
#   ferretdb-defaults  FerretDB 1.24.2, SQLite backend     DATABASE_COMPAT=mongodb (Payload defaults)
#
# environment:
#   COMPAT_MATRIX_BASE_PORT      first port; targets use base+0 … base+3 (default 27201)
#   COMPAT_MATRIX_START_TIMEOUT  seconds a server may take to become ready (default 180;
#                                covers a first build of the mongo-java-server jar)
#   COMPAT_MATRIX_RUN_TIMEOUT    seconds one suite run may take (default 1200)
#   COMPAT_MATRIX_BUILD_TIMEOUT  seconds `go build` of the FerretDB wrapper may take (default 900)
#   COMPAT_MATRIX_OUT            directory for logs and JSON reports (default: a new /tmp dir)
#
# Exit status: 0 when every requested target produced a report (failing tests included: they
# are the result, not an error); 1 on bad usage; 2 when a target could not start, timed out
# or left no report. FerretDB targets are skipped, not errors, when `go` is not on PATH.

set -uo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEVDB_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
REPO_ROOT="$(cd "$DEVDB_DIR/../.." && pwd)"
CMS_DIR="$REPO_ROOT/apps/cms"
DEVDB_CLI="$DEVDB_DIR/bin/copydesk-devdb.js"
FERRET_SRC="$DEVDB_DIR/ferretdb"
FERRET_BIN="$DEVDB_DIR/.build/ferretdb/ferretdb-standin"

BASE_PORT="${COMPAT_MATRIX_BASE_PORT:-27201}"
START_TIMEOUT="${COMPAT_MATRIX_START_TIMEOUT:-180}"
RUN_TIMEOUT="${COMPAT_MATRIX_RUN_TIMEOUT:-1200}"
BUILD_TIMEOUT="${COMPAT_MATRIX_BUILD_TIMEOUT:-900}"
SPECS=(tests/int/compat.int.spec.ts tests/int/standin.int.spec.ts)

ALL_TARGETS=(mjs-memory mjs-h2 ferretdb-standin ferretdb-defaults)

label_of() {
  case "$1" in
    mjs-memory) echo 'mongo-java-server 1.47.0, memory' ;;
    mjs-h2) echo 'mongo-java-server 1.47.0, H2' ;;
    ferretdb-standin) echo 'FerretDB 1.24.2/SQLite, stand-in settings' ;;
    ferretdb-defaults) echo 'FerretDB 1.24.2/SQLite, Payload defaults' ;;
  esac
}
compat_of() {
  case "$1" in
    ferretdb-defaults) echo mongodb ;;
    *) echo mongo-java-server ;;
  esac
}
port_of() {
  local i
  for i in "${!ALL_TARGETS[@]}"; do
    if [[ "${ALL_TARGETS[$i]}" == "$1" ]]; then
      echo $((BASE_PORT + i))
      return
    fi
  done
}

usage() { sed -n '2,/^$/{s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }

TARGETS=()
for arg in "$@"; do
  case "$arg" in
    -h | --help)
      usage
      exit 0
      ;;
    mjs-memory | mjs-h2 | ferretdb-standin | ferretdb-defaults) TARGETS+=("$arg") ;;
    *)
      echo "compat-matrix: unknown target '$arg' (try --help)" >&2
      exit 1
      ;;
  esac
done
[[ ${#TARGETS[@]} -eq 0 ]] && TARGETS=("${ALL_TARGETS[@]}")

for cmd in node npx timeout mkfifo awk; do
  if ! command -v "$cmd" >/dev/null 2>&1; then
    echo "compat-matrix: '$cmd' is required but not on PATH" >&2
    exit 1
  fi
done

OUT_DIR="${COMPAT_MATRIX_OUT:-$(mktemp -d /tmp/compat-matrix.XXXXXX)}"
mkdir -p "$OUT_DIR"
OUT_DIR="$(cd "$OUT_DIR" && pwd)"
SUMMARY="$OUT_DIR/targets.tsv"
printf 'target\tlabel\tstatus\tstart_s\trun_s\texit\tnote\n' >"$SUMMARY"

# The cms vitest config already gives the json reporter an outputFile (.test-results/cms.json),
# and vitest 4 keeps a config reporter's options when the same reporter is named on the CLI, so
# `--reporter=json --outputFile.json=…` would still overwrite that file. A subclass of vitest's
# JsonReporter with its own outputFile avoids it.
REPORTER="$OUT_DIR/json-reporter.mjs"
VITEST_REPORTERS_URL="$(cd "$CMS_DIR" && node --input-type=module -e "console.log(import.meta.resolve('vitest/reporters'))")" || {
  echo "compat-matrix: cannot resolve vitest/reporters from $CMS_DIR (run npm install)" >&2
  exit 1
}
cat >"$REPORTER" <<EOF
import { JsonReporter } from '$VITEST_REPORTERS_URL'

export default class CompatMatrixJsonReporter extends JsonReporter {
  constructor() {
    super({ outputFile: process.env.COMPAT_MATRIX_JSON })
  }
}
EOF

now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
log() { printf '[compat-matrix] %s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------------------------------------
# The one server this script runs at a time.

SERVER_PID=''
FERRET_FD=''

stop_server() {
  local pid="$SERVER_PID" i
  if [[ -n "$FERRET_FD" ]]; then
    # Closing the FIFO's last writer gives the FerretDB wrapper EOF on stdin: its own way out.
    exec {FERRET_FD}>&-
    FERRET_FD=''
  fi
  [[ -z "$pid" ]] && return 0
  SERVER_PID=''
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 75; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "pid $pid ignored SIGTERM for 15 s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  wait "$pid" 2>/dev/null
  return 0
}

cleanup() { stop_server; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Waits until <file> has a line matching <regex>, the server dies, or the deadline passes.
wait_for_line() {
  local file="$1" regex="$2" deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    grep -Eq "$regex" "$file" 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || return 1
    sleep 0.2
  done
  return 2
}

start_devdb() { # <target> <port> <dir> [--memory]
  local target="$1" port="$2" dir="$3" rc line tail_text
  shift 3
  # With DATABASE_URI set, devdb would start nothing; with DEVDB_* set it might look elsewhere.
  env -u DATABASE_URI -u DATABASE_COMPAT -u DEVDB_PORT -u DEVDB_DATA_DIR \
    node "$DEVDB_CLI" start --port "$port" --data-dir "$dir/data" "$@" \
    </dev/null >"$dir/server.out" 2>"$dir/server.err" &
  SERVER_PID=$!
  wait_for_line "$dir/server.out" '^database: '
  rc=$?
  if ((rc != 0)); then
    START_NOTE=$([[ $rc == 2 ]] && echo "not ready within ${START_TIMEOUT} s" || echo 'exited before it was ready')
    tail_text="$(tail -n 3 "$dir/server.err" 2>/dev/null | tr '\n' ' ')"
    [[ -n "${tail_text// /}" ]] && START_NOTE="$START_NOTE: $tail_text"
    return 1
  fi
  line="$(grep -m1 '^database: ' "$dir/server.out")"
  if [[ "$line" != *'(stand-in)' ]]; then
    START_NOTE="devdb did not start the stand-in ($line)"
    return 1
  fi
}

start_ferretdb() { # <target> <port> <dir>
  local port="$2" dir="$3" rc tail_text
  rm -f "$dir/stdin"
  mkfifo "$dir/stdin"
  # Read-write open never blocks on a FIFO. This script holds the only writer, so the server
  # exits on EOF when the script ends, even by SIGKILL.
  exec {FERRET_FD}<>"$dir/stdin"
  "$FERRET_BIN" --port "$port" --dir "$dir/data" \
    <"$dir/stdin" >"$dir/server.out" 2>"$dir/server.err" {FERRET_FD}>&- &
  SERVER_PID=$!
  wait_for_line "$dir/server.out" '^devdb ready on '
  rc=$?
  if ((rc != 0)); then
    START_NOTE=$([[ $rc == 2 ]] && echo "not ready within ${START_TIMEOUT} s" || echo 'exited before it was ready')
    tail_text="$(tail -n 3 "$dir/server.err" 2>/dev/null | tr '\n' ' ')"
    [[ -n "${tail_text// /}" ]] && START_NOTE="$START_NOTE: $tail_text"
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------
# FerretDB needs its wrapper binary; `go build` is incremental, so this is quick once cached.

FERRET_STATE='' # '', ready, skipped:<why>, failed:<why>
prepare_ferretdb() {
  [[ -n "$FERRET_STATE" ]] && return
  if ! command -v go >/dev/null 2>&1; then
    FERRET_STATE="skipped:go is not on PATH, so the FerretDB wrapper (packages/devdb/ferretdb) cannot be built"
    log "SKIP FerretDB: ${FERRET_STATE#skipped:}"
    return
  fi
  local t0 rc
  t0=$(now)
  log "building the FerretDB wrapper (go build; a cold Go cache takes minutes)…"
  mkdir -p "$(dirname "$FERRET_BIN")"
  (cd "$FERRET_SRC" && timeout -k 10 "$BUILD_TIMEOUT" go build -o "$FERRET_BIN" .) \
    >"$OUT_DIR/ferretdb-build.log" 2>&1
  rc=$?
  FERRET_BUILD_S=$(since "$t0")
  if ((rc != 0)); then
    FERRET_STATE="failed:go build exited $rc after ${FERRET_BUILD_S} s (see $OUT_DIR/ferretdb-build.log)"
    log "${FERRET_STATE#failed:}"
    return
  fi
  FERRET_STATE=ready
  log "FerretDB wrapper built in ${FERRET_BUILD_S} s ($(du -h "$FERRET_BIN" | cut -f1))"
}

# ---------------------------------------------------------------------------------------------

ERRORS=0
record() { # <target> <status> <start_s> <run_s> <exit> <note>
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$(label_of "$1")" "$2" "$3" "$4" "$5" "${6//$'\t'/ }" >>"$SUMMARY"
}

run_target() {
  local target="$1" port compat dir t0 start_s run_s rc status note=''
  port="$(port_of "$target")"
  compat="$(compat_of "$target")"
  dir="$OUT_DIR/$target"
  rm -rf "$dir"
  mkdir -p "$dir/data" "$dir/media"
  log "── $target: $(label_of "$target") on 127.0.0.1:$port (DATABASE_COMPAT=$compat)"

  if [[ "$target" == ferretdb-* ]]; then
    prepare_ferretdb
    case "$FERRET_STATE" in
      skipped:*)
        record "$target" skipped - - - "${FERRET_STATE#skipped:}"
        return
        ;;
      failed:*)
        record "$target" error - - - "${FERRET_STATE#failed:}"
        ERRORS=$((ERRORS + 1))
        return
        ;;
    esac
  fi

  if port_open "$port"; then
    log "port $port is already in use; set COMPAT_MATRIX_BASE_PORT to another range"
    record "$target" error - - - "port $port already in use"
    ERRORS=$((ERRORS + 1))
    return
  fi

  START_NOTE=''
  t0=$(now)
  case "$target" in
    mjs-memory) start_devdb "$target" "$port" "$dir" --memory ;;
    mjs-h2) start_devdb "$target" "$port" "$dir" ;;
    ferretdb-*) start_ferretdb "$target" "$port" "$dir" ;;
  esac
  rc=$?
  start_s=$(since "$t0")
  if ((rc != 0)); then
    log "server did not start: $START_NOTE"
    stop_server
    rm -rf "$dir/data" "$dir/media" "$dir/stdin"
    record "$target" error "$start_s" - - "server did not start: $START_NOTE"
    ERRORS=$((ERRORS + 1))
    return
  fi
  log "server ready in ${start_s} s (pid $SERVER_PID); running ${SPECS[*]} (timeout ${RUN_TIMEOUT} s)"

  t0=$(now)
  (
    # The FerretDB stdin FIFO stays with this script alone.
    if [[ -n "$FERRET_FD" ]]; then exec {FERRET_FD}>&-; fi
    cd "$CMS_DIR" &&
      DATABASE_URI="mongodb://127.0.0.1:$port/copydesk" \
        DATABASE_COMPAT="$compat" \
        MEDIA_DIR="$dir/media" \
        COMPAT_MATRIX_JSON="$dir/results.json" \
        NO_COLOR=1 \
        timeout -k 30 "$RUN_TIMEOUT" \
        npx vitest run "${SPECS[@]}" --reporter=default --reporter="$REPORTER" --no-color
  ) </dev/null >"$dir/vitest.log" 2>&1
  rc=$?
  run_s=$(since "$t0")

  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    note='server exited during the run; '
  fi
  stop_server
  if port_open "$port"; then
    note+="port $port still open after stop; "
  fi
  # The suite drops its own database; the server's files and uploads are of no further use.
  rm -rf "$dir/data" "$dir/media" "$dir/stdin"

  if ((rc == 124 || rc == 137)); then
    status=error
    note+="suite timed out after ${RUN_TIMEOUT} s"
    ERRORS=$((ERRORS + 1))
  elif [[ ! -s "$dir/results.json" ]]; then
    status=error
    note+="no JSON report (vitest exit $rc; see $dir/vitest.log)"
    ERRORS=$((ERRORS + 1))
  else
    status=ran
  fi
  record "$target" "$status" "$start_s" "$run_s" "$rc" "${note%; }"
  log "$target: suite took ${run_s} s, vitest exit $rc${note:+ — ${note%; }}"
}

MATRIX_T0=$(now)
for target in "${TARGETS[@]}"; do
  run_target "$target"
done
TOTAL_S=$(since "$MATRIX_T0")

# ---------------------------------------------------------------------------------------------
# The table: one row per test, one column per target.

OUT_DIR="$OUT_DIR" node --input-type=module - <<'EOF'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'

const outDir = process.env.OUT_DIR
const [header, ...lines] = readFileSync(join(outDir, 'targets.tsv'), 'utf8').trimEnd().split('\n')
const keys = header.split('\t')
const targets = lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [keys[i], v])))

const strip = (s) => s.replace(/\u001b\[[0-9;]*m/g, '')
const firstLine = (s) => {
  const line = strip(s).split('\n').find((l) => l.trim()) ?? ''
  return line.length > 220 ? `${line.slice(0, 217)}…` : line
}
const MARK = { passed: '✓', failed: '✗', skipped: '–', pending: '–', todo: '–', disabled: '–' }

const rows = new Map() // row name → Map(target → { status, message })
const row = (name) => rows.get(name) ?? rows.set(name, new Map()).get(name)
const counts = {}
for (const t of targets) {
  counts[t.target] = { passed: 0, failed: 0, skipped: 0 }
  const file = join(outDir, t.target, 'results.json')
  if (t.status !== 'ran' || !existsSync(file)) continue
  const report = JSON.parse(readFileSync(file, 'utf8'))
  for (const suite of report.testResults ?? []) {
    const spec = basename(suite.name).replace(/\.int\.spec\.ts$/, '')
    for (const a of suite.assertionResults ?? []) {
      const status = a.status === 'passed' || a.status === 'failed' ? a.status : 'skipped'
      counts[t.target][status]++
      row(`${spec} › ${[...(a.ancestorTitles ?? []), a.title].join(' › ')}`).set(t.target, {
        status: a.status,
        message: firstLine((a.failureMessages ?? []).join('\n')),
      })
    }
    // A file that fails outside any test (import, beforeAll) gets a row of its own.
    if (suite.status === 'failed' && suite.message && !(suite.assertionResults ?? []).some((a) => a.status === 'failed')) {
      counts[t.target].failed++
      row(`${spec} › (file)`).set(t.target, { status: 'failed', message: firstLine(suite.message) })
    }
  }
}

const cell = (t, name) => {
  const r = rows.get(name)?.get(t.target)
  if (r) return MARK[r.status] ?? '?'
  return t.status === 'skipped' ? 'skip' : t.status === 'error' ? 'err' : '·'
}
const names = [...rows.keys()]
const nameWidth = Math.max(4, ...names.map((n) => n.length))
const cols = targets.map((t) => t.target)
const widths = cols.map((c) => Math.max(c.length, 4))
const pad = (s, w) => s + ' '.repeat(Math.max(0, w - [...s].length))

const out = []
out.push('')
out.push(`${pad('test', nameWidth)}  ${cols.map((c, i) => pad(c, widths[i])).join('  ')}`)
out.push(`${'─'.repeat(nameWidth)}  ${widths.map((w) => '─'.repeat(w)).join('  ')}`)
for (const name of names) out.push(`${pad(name, nameWidth)}  ${targets.map((t, i) => pad(cell(t, name), widths[i])).join('  ')}`)
out.push('')
out.push('✓ passed   ✗ failed   – skipped by the suite   skip target skipped   err target error   · no result')
out.push('')
for (const t of targets) {
  const c = counts[t.target]
  const time =
    t.start_s === '-'
      ? ''
      : t.run_s === '-'
        ? `; gave up starting the server after ${t.start_s} s`
        : `; server ready in ${t.start_s} s, suite ${t.run_s} s`
  const tally = t.status === 'ran' ? `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` : t.status
  out.push(`${t.target} (${t.label}, DATABASE_COMPAT=${t.target === 'ferretdb-defaults' ? 'mongodb' : 'mongo-java-server'}): ${tally}${time}${t.note ? `; ${t.note}` : ''}`)
}
const failures = []
for (const t of targets)
  for (const name of names) {
    const r = rows.get(name)?.get(t.target)
    if (r?.status === 'failed') failures.push(`  [${t.target}] ${name}\n      ${r.message}`)
  }
if (failures.length) out.push('', 'Failures (first line of each error):', ...failures)
console.log(out.join('\n'))

// The same table as Markdown, for docs/database.md.
const md = [
  `| Test | ${cols.join(' | ')} |`,
  `| --- | ${cols.map(() => ':-:').join(' | ')} |`,
  ...names.map((n) => `| ${n} | ${targets.map((t) => cell(t, n)).join(' | ')} |`),
]
writeFileSync(join(outDir, 'matrix.md'), `${md.join('\n')}\n`)
EOF

echo
[[ -n "${FERRET_BUILD_S:-}" ]] && echo "FerretDB wrapper: go build took ${FERRET_BUILD_S} s (incremental; a cold Go build cache takes minutes)."
echo "Total ${TOTAL_S} s. Logs, JSON reports and matrix.md in $OUT_DIR"
((ERRORS > 0)) && exit 2
exit 0
