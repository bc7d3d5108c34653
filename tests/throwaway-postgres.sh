# A PostgreSQL server for one test run: Debian's binaries, a data folder in /tmp, a free port on
# 127.0.0.1, and no durability (the data is thrown away). Sourced by test.sh, which calls
# start_postgres before the tests and stop_postgres after; start_postgres sets
# POSTGRES_TEST_SERVER to the connection string the tests take (each test app adds a database).

postgres_folder=""
postgres_bin=""

# Runs a PostgreSQL program as the postgres user when we are root (the server refuses to run as root).
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_postgres() {
  # The newest server that is installed (a newer client alone has no initdb).
  postgres_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  postgres_folder=$(mktemp -d /tmp/commerceguard-postgres.XXXXXX)
  [ "$(id -u)" -ne 0 ] || chown postgres "$postgres_folder"
  as_postgres "$postgres_bin/initdb" -D "$postgres_folder/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
  # A port nothing else listens on: try a few at random until the server starts on one.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    local port=$((20000 + RANDOM % 20000))
    if as_postgres "$postgres_bin/pg_ctl" -D "$postgres_folder/data" -l "$postgres_folder/log" -w -t 30 \
        -o "-p $port -k $postgres_folder -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
      POSTGRES_TEST_SERVER="Host=127.0.0.1;Port=$port;Username=postgres"
      export POSTGRES_TEST_SERVER
      echo "PostgreSQL $("$postgres_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
      return 0
    fi
  done
  echo "PostgreSQL would not start; its log:" >&2
  cat "$postgres_folder/log" >&2
  return 1
}

stop_postgres() {
  if [ -n "$postgres_folder" ] && [ -d "$postgres_folder" ]; then
    as_postgres "$postgres_bin/pg_ctl" -D "$postgres_folder/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$postgres_folder"
  fi
}
