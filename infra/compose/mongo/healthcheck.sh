#!/usr/bin/env bash
# Healthcheck of the compose mongo service: initiates the single-member replica set on first start, then reports
# healthy only once this node is primary (so services never start against a set that cannot take writes yet).
# Authenticates as the root user (access control is on).
exec mongosh --quiet --username "$MONGO_INITDB_ROOT_USERNAME" --password "$MONGO_INITDB_ROOT_PASSWORD" \
  --authenticationDatabase admin --eval \
  "try { rs.status().ok } catch (e) { rs.initiate({_id:'rs0',members:[{_id:0,host:'mongo:27017'}]}).ok }; quit(db.hello().isWritablePrimary ? 0 : 1)"
