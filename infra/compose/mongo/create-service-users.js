// Runs once, on MongoDB's first start (the image runs /docker-entrypoint-initdb.d/*.js as the root user).
// One user per service database, with readWrite on that database only: a service cannot read another's data.
// Passwords come from the environment (.env, see .env.example); the services' URIs in docker-compose.yml use them.
const services = {
  resettlement: "MONGO_RESETTLEMENT_PASSWORD",
  "community-payback": "MONGO_COMMUNITY_PAYBACK_PASSWORD",
  referral: "MONGO_REFERRAL_PASSWORD",
  notifications: "MONGO_NOTIFICATIONS_PASSWORD",
};
for (const [database, variable] of Object.entries(services)) {
  const password = process.env[variable];
  if (!password) {
    throw new Error(variable + " is not set: the " + database + " user cannot be created");
  }
  db.getSiblingDB(database).createUser({
    user: database,
    pwd: password,
    roles: [{ role: "readWrite", db: database }],
  });
  print("created user " + database + " (readWrite on " + database + ")");
}
