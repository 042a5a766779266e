#!/usr/bin/env bash
# MongoDB entrypoint for docker-compose.yml: a replica set with access control needs a key file for its members'
# internal authentication (even a single member). It is created once, in the mongo-config volume, readable by the
# mongodb user only; then the image's own entrypoint runs (which creates the root user from MONGO_INITDB_ROOT_* and
# runs /docker-entrypoint-initdb.d/ on the first start, and starts mongod with --auth).
set -euo pipefail
key=/data/configdb/replica-set.key
if [ ! -s "$key" ]; then
  umask 077
  head -c 756 /dev/urandom | base64 -w 0 > "$key"
fi
chown mongodb:mongodb "$key"
chmod 400 "$key"
exec docker-entrypoint.sh "$@"
