#!/usr/bin/env bash
# Starts throwaway PostgreSQL and Redis servers for paystack-store's tests, each on loopback,
# on a free port, with its own data folder under a temporary directory.
#
#   source store/ci-services.sh start   # starts both and exports the URLs into this shell
#   store/ci-services.sh stop           # stops them and removes the folder
#   eval "$(store/ci-services.sh start)"  # the same start, without sourcing
#
# Exports PAYSTACK_STORE_PG_URL, PAYSTACK_STORE_REDIS_URL and PAYSTACK_STORE_SERVICES_DIR (the
# folder; `stop` reads it, or takes the folder as its argument). The env lines are also
# written to "$PAYSTACK_STORE_SERVICES_DIR/env".
#
# Missing servers are installed from Debian packages (postgresql, redis-server), which needs
# root. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user the
# package creates.

_pss_log() { echo "ci-services: $*" >&2; }

_pss_pg_bin() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    return 1
}

_pss_install() {
    local need=()
    _pss_pg_bin >/dev/null || need+=(postgresql)
    command -v redis-server >/dev/null || need+=(redis-server)
    [ ${#need[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        _pss_log "missing ${need[*]}; install them (apt-get install ${need[*]}) or run as root"
        return 1
    fi
    _pss_log "installing ${need[*]} from Debian packages"
    apt-get update -qq >&2 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
}

# A port nobody listens on, from a random start.
_pss_free_port() {
    local port tries=0
    while [ $tries -lt 200 ]; do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
        tries=$((tries + 1))
    done
    return 1
}

# Runs a command as the user that owns the PostgreSQL folder.
_pss_as_pg() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

_pss_start_pg() {
    local dir=$1 bin port
    bin=$(_pss_pg_bin) || { _pss_log "initdb not found"; return 1; }
    mkdir -p "$dir/pg" "$dir/pgsock"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$dir/pg" "$dir/pgsock"
    fi
    chmod 700 "$dir/pg"
    _pss_as_pg "$bin/initdb" -D "$dir/pg" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 ||
        { _pss_log "initdb failed:"; cat "$dir/initdb.log" >&2; return 1; }
    local attempt
    for attempt in 1 2 3; do
        port=$(_pss_free_port) || return 1
        if _pss_as_pg "$bin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/pgsock -c fsync=off" start >/dev/null; then
            echo "$port" >"$dir/pg.port"
            PAYSTACK_STORE_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
            return 0
        fi
        _pss_log "postgres did not start on port $port (attempt $attempt)"
        tail -5 "$dir/pg/server.log" >&2 2>/dev/null
    done
    return 1
}

_pss_start_redis() {
    local dir=$1 port attempt
    mkdir -p "$dir/redis"
    for attempt in 1 2 3; do
        port=$(_pss_free_port) || return 1
        if redis-server --bind 127.0.0.1 --port "$port" --dir "$dir/redis" --daemonize yes \
            --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save '' --appendonly no >/dev/null; then
            local i
            for i in $(seq 1 50); do
                if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
                    PAYSTACK_STORE_REDIS_URL="redis://127.0.0.1:$port/"
                    return 0
                fi
                sleep 0.1
            done
        fi
        _pss_log "redis did not start on port $port (attempt $attempt)"
    done
    return 1
}

_pss_start() {
    _pss_install || return 1
    local dir
    dir=$(mktemp -d "${TMPDIR:-/tmp}/paystack-store-services.XXXXXX") || return 1
    chmod 755 "$dir"
    _pss_start_pg "$dir" || { _pss_stop "$dir"; return 1; }
    _pss_start_redis "$dir" || { _pss_stop "$dir"; return 1; }
    PAYSTACK_STORE_SERVICES_DIR=$dir
    cat >"$dir/env" <<EOF
export PAYSTACK_STORE_PG_URL=$PAYSTACK_STORE_PG_URL
export PAYSTACK_STORE_REDIS_URL=$PAYSTACK_STORE_REDIS_URL
export PAYSTACK_STORE_SERVICES_DIR=$dir
EOF
    export PAYSTACK_STORE_PG_URL PAYSTACK_STORE_REDIS_URL PAYSTACK_STORE_SERVICES_DIR
    _pss_log "postgres at $PAYSTACK_STORE_PG_URL, redis at $PAYSTACK_STORE_REDIS_URL (folder $dir)"
}

_pss_stop() {
    local dir=${1:-${PAYSTACK_STORE_SERVICES_DIR:-}} bin
    [ -n "$dir" ] && [ -d "$dir" ] || { _pss_log "nothing to stop"; return 0; }
    if [ -f "$dir/pg/postmaster.pid" ] && bin=$(_pss_pg_bin); then
        _pss_as_pg "$bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 ||
            _pss_log "postgres did not stop cleanly"
    fi
    if [ -f "$dir/redis.pid" ]; then
        local pid i
        pid=$(cat "$dir/redis.pid")
        kill "$pid" 2>/dev/null
        for i in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    case "$dir" in
        */paystack-store-services.*) rm -rf "$dir" ;;
    esac
    _pss_log "stopped"
}

_pss_main() {
    case "${1:-}" in
        start) _pss_start ;;
        stop) _pss_stop "${2:-}" ;;
        *) echo "usage: source store/ci-services.sh start | store/ci-services.sh stop [DIR]" >&2; return 2 ;;
    esac
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    # Sourced: export into the caller's shell, never exit it.
    _pss_main "$@"
else
    set -u
    _pss_main "$@" || exit $?
    if [ "${1:-}" = start ]; then
        cat "$PAYSTACK_STORE_SERVICES_DIR/env"
    fi
fi
