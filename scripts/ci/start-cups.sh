#!/usr/bin/env bash
# Starts the CUPS scheduler for the printer tests (and training mode) on machines without systemd,
# where the Debian postinst cannot start it. Idempotent: when the scheduler already answers, it
# only says so. Exits non-zero, with the reason, when cupsd cannot be brought up within 20 s.
#
#   scripts/ci/start-cups.sh            start if needed, print what happened
#   CUPS_PID_FILE=/path scripts/ci/...   where to record cupsd's PID (default /run/cups/cupsd.ci.pid)
set -euo pipefail

PID_FILE="${CUPS_PID_FILE:-/run/cups/cupsd.ci.pid}"
LOG_FILE="${CUPS_START_LOG:-/tmp/cupsd-start.log}"
DEADLINE_S=20

# lpstat's wording is only stable in the C locale; with cupsd down it still exits 0.
scheduler_running() {
  LC_ALL=C lpstat -r 2>/dev/null | grep -qx 'scheduler is running'
}

if scheduler_running; then
  echo "cups: scheduler already running (pid file: $(cat "$PID_FILE" 2>/dev/null || echo 'none, started elsewhere'))"
  exit 0
fi

# Two test workers may call this at the same moment: only one of them may start cupsd (a second
# one would fail to bind the socket and make its caller report a failure for nothing).
mkdir -p /run/cups/certs /run/lock
exec 9>/run/lock/bdc-start-cups.lock
if ! flock -w 25 9; then
  echo "cups: another start-cups.sh holds /run/lock/bdc-start-cups.lock for more than 25 s" >&2
  exit 1
fi
if scheduler_running; then
  echo "cups: scheduler already running (started by a concurrent caller)"
  exit 0
fi

if [ ! -x /usr/sbin/cupsd ]; then
  echo "cups: /usr/sbin/cupsd not found; install the Debian packages cups cups-client cups-ipp-utils printer-driver-cups-pdf" >&2
  exit 1
fi

# A cupsd may exist that does not answer yet (just started by someone else): wait for it rather
# than starting a second one, which would fail to bind its socket.
if ! pgrep -x cupsd >/dev/null 2>&1; then
  # -f keeps cupsd in the foreground, so $! is cupsd's own PID (with -F or the default it forks
  # and $! would be a parent that has already exited); setsid detaches it from this shell's
  # session so it outlives the script and a Ctrl-C in the terminal.
  # 9>&- : cupsd must not inherit the lock, or it would hold it for as long as it runs.
  setsid /usr/sbin/cupsd -f >"$LOG_FILE" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  echo "cups: started cupsd (pid $pid, pid file $PID_FILE, output $LOG_FILE)"
else
  pid=$(pgrep -x cupsd | head -n1)
  echo "cups: cupsd process $pid exists but the scheduler does not answer yet; waiting for it"
fi

deadline=$((SECONDS + DEADLINE_S))
until scheduler_running; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "cups: cupsd (pid $pid) exited before the scheduler answered:" >&2
    tail -n 20 "$LOG_FILE" >&2 2>/dev/null || true
    tail -n 20 /var/log/cups/error_log >&2 2>/dev/null || true
    rm -f "$PID_FILE"
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "cups: the scheduler did not answer within ${DEADLINE_S} s (cupsd pid $pid); see $LOG_FILE and /var/log/cups/error_log" >&2
    exit 1
  fi
  sleep 0.1
done
echo "cups: scheduler is running"
