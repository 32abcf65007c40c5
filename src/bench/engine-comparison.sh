#!/usr/bin/env bash
# DL4J layer API vs the project's direct engine, same models, interleaved (docs/decisions/0001).
# Usage: src/bench/engine-comparison.sh [SAMPLES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" com.daeworkbench.bench.EngineComparison "$@"
