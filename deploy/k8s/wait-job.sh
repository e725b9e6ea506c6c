#!/bin/sh
# Waits for a Job to end either way: exit 0 when it completed, 1 when it failed, 2 on a timeout
# or a kubectl error.
#
#   deploy/k8s/wait-job.sh concord-sweep 24h && kubectl apply -f … -l concord/step=merge
#
# `kubectl wait --for=condition=complete` alone never returns on a failed Job (it waits out its
# timeout), and kubectl cannot wait for one of two conditions: so two waits run at once and the
# first to end decides. Extra arguments go to both (e.g. -n <namespace>).
set -u
job=${1:?usage: wait-job.sh <job> [timeout, default 24h] [kubectl options…]}
timeout=${2:-24h}
[ $# -ge 2 ] && shift 2 || shift 1

kubectl wait --for=condition=complete "job/$job" --timeout="$timeout" "$@" >/dev/null &
complete=$!
kubectl wait --for=condition=failed "job/$job" --timeout="$timeout" "$@" >/dev/null &
failed=$!
# Polled rather than `wait -n`, which sh and macOS's bash 3.2 lack.
while kill -0 "$complete" 2>/dev/null && kill -0 "$failed" 2>/dev/null; do sleep 2; done

if ! kill -0 "$complete" 2>/dev/null && wait "$complete"; then
  kill "$failed" 2>/dev/null
  echo "job/$job complete"
  exit 0
fi
if ! kill -0 "$failed" 2>/dev/null && wait "$failed"; then
  kill "$complete" 2>/dev/null
  echo "job/$job failed: kubectl logs job/$job; kubectl describe job/$job" >&2
  exit 1
fi
kill "$complete" "$failed" 2>/dev/null
echo "job/$job: neither complete nor failed within $timeout (or kubectl failed)" >&2
exit 2
