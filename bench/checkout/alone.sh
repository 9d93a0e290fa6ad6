#!/bin/sh
# bench/checkout/alone.sh [RUNS] — bench/alone.sh checkout (its earlier
# name, which docs/performance.md's tables cite).
exec sh "$(dirname "$0")/../alone.sh" checkout "$@"
