#!/usr/bin/env bash
# Order throughput of the local host: starts a Release build on a fresh data folder, creates an admin key whose
# usage plan does not throttle, and runs the load generator against it (accepted/s beside GET /health/s at each
# concurrency, p50/p99 accept latency, then how fast the accepted orders complete). Extra arguments go to the
# load generator, e.g. --concurrency 1,16,64 --seconds 10, or --concurrency 32 --seconds 60 --window 10 for completed/s
# per 10 s window; HOST_ARGS adds arguments to the host, e.g. HOST_ARGS=--no-front-door.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap '[ -n "${host:-}" ] && kill "$host" 2>/dev/null; rm -rf "$out"' EXIT
dotnet build -c Release -nologo -v quiet src/Local >/dev/null
dotnet build -c Release -nologo -v quiet bench/LoadGenerator >/dev/null
local_dll=src/Local/bin/Release/net10.0/StepOrders.Local.dll
key=$(dotnet "$local_dll" keys create --name bench --admin --rate 1000000 --burst 1000000 --quota 1000000000000 --data "$out/data")
port=$((20000 + RANDOM % 20000))
dotnet "$local_dll" --urls "http://127.0.0.1:$port" --data "$out/data" --Logging:LogLevel:Default=Warning ${HOST_ARGS:-} >"$out/host.log" 2>&1 &
host=$!
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
dotnet bench/LoadGenerator/bin/Release/net10.0/StepOrders.LoadGenerator.dll --url "http://127.0.0.1:$port" --key "$key" --host-pid "$host" "$@"
