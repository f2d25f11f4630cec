#!/bin/sh
# Make PostgreSQL's server binaries (initdb, pg_ctl) available for the tests.
# Installs Debian's `postgresql` package when they are missing. Always exits 0:
# the PostgreSQL tests skip, with a message, when no server can be had.
set -u

find_bin() {
    command -v "$1" 2>/dev/null && return 0
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/$1" ] && { echo "$d/$1"; return 0; }
    done
    return 1
}

if find_bin initdb >/dev/null && find_bin pg_ctl >/dev/null; then
    echo "ensure_postgres: found $(find_bin initdb)"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_postgres: initdb/pg_ctl missing and no apt-get here; PostgreSQL tests will be skipped" >&2
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "ensure_postgres: initdb/pg_ctl missing and not root (no passwordless sudo); PostgreSQL tests will be skipped" >&2
        exit 0
    fi
fi

echo "ensure_postgres: installing the postgresql package ..."
if $SUDO apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q postgresql >/dev/null; then
    if find_bin initdb >/dev/null; then
        echo "ensure_postgres: installed $(find_bin initdb)"
    else
        echo "ensure_postgres: postgresql installed but initdb not found; PostgreSQL tests will be skipped" >&2
    fi
else
    echo "ensure_postgres: apt-get install postgresql failed; PostgreSQL tests will be skipped" >&2
fi
exit 0
