#!/usr/bin/env bash
# tests/t-soak.sh - the load test (tests/soak/run) with 2,000 messages at
# concurrency 50; `make soak` runs 10,000.  SOAK_MESSAGES overrides.
SOAK_MESSAGES=${SOAK_MESSAGES:-2000} exec "$(dirname "$0")/soak/run"
