package uk.probation.gate.infra.stack;

import java.io.PrintStream;

/** What a developer needs once the stack is up: where things are and how to get a token. */
final class StackSummary {

    private StackSummary() {
    }

    static void print(RunningStack stack, PrintStream out) {
        out.println();
        out.println("Local stack is up (Spring apps with profile dev). Data: " + stack.dataDir());
        if (stack.components().contains(StackComponent.KAFKA)) {
            int brokers = stack.instances(StackComponent.KAFKA);
            out.println("  Kafka bootstrap servers    " + stack.kafkaBootstrapServers()
                    + (brokers > 1 ? "   (" + brokers + " KRaft nodes, node ids 1-" + brokers
                    + "; replication factor 3, min.insync.replicas 2)" : ""));
        }
        if (stack.components().contains(StackComponent.MONGO)) {
            out.println("  MongoDB (wire server)      " + stack.mongoUri(""));
        }
        if (stack.components().contains(StackComponent.AUTH)) {
            out.println("  Auth server (issuer)       " + stack.issuerUri());
        }
        if (stack.components().contains(StackComponent.MAIL)) {
            out.println("  Mail (SMTP, keeps e-mail)  127.0.0.1:" + stack.port(StackComponent.MAIL)
                    + "   read it: " + stack.mailApi() + "/api/user/<address>/messages/");
        }
        if (stack.components().contains(StackComponent.WEB)) {
            out.println("  Web application            " + stack.webAppUrl() + "   (sign in as a dev user below)");
        }
        boolean anyService = false;
        for (StackComponent component : stack.components()) {
            if (component.isService()) {
                anyService = true;
                out.printf("  %-26s %s%n", component.artifactName(), stack.swaggerUi(component));
                for (int i = 1; i < stack.instances(component); i++) {
                    out.printf("  %-26s %s%n", component.artifactName() + "-" + (i + 1), stack.baseUrl(component, i));
                }
            }
        }
        if (anyService || stack.components().contains(StackComponent.WEB)) {
            out.println();
            out.println("Management ports (actuator: /actuator/health, /actuator/prometheus; on 127.0.0.1 only,"
                    + " the API ports answer 404 there):");
            for (StackComponent component : stack.components()) {
                for (int i = 0; component.hasManagementPort() && i < stack.instances(component); i++) {
                    out.printf("  %-26s %s/actuator/%s%n", component.artifactName() + (i == 0 ? "" : "-" + (i + 1)),
                            stack.managementUrl(component, i), component.isService() ? "prometheus" : "health");
                }
            }
            out.println("  Prometheus (optional, Debian's prometheus): prometheus"
                    + " --config.file=infra/prometheus/prometheus-local.yml --storage.tsdb.path=.local-stack/prometheus"
                    + " (scrapes the services' default management ports 9081-9084; UI http://127.0.0.1:9090)");
        }
        out.println();
        out.println("Logs:");
        for (StackComponent component : stack.components()) {
            for (int i = 0; i < stack.instances(component); i++) {
                out.println("  " + stack.logFile(component, i));
            }
        }
        if (stack.components().contains(StackComponent.AUTH)) {
            out.println();
            out.println("Tokens (client_credentials; each dev client has its own secret, <client>"
                    + DevClientHints.SECRET_SUFFIX + "; tokens live 10 minutes):");
            for (DevClientHints.Hint hint : DevClientHints.ROLES) {
                out.printf("  %-27s curl -s -u %s:%s -d grant_type=client_credentials %s%n",
                        hint.role(), hint.clientId(), hint.secret(), stack.tokenUri());
            }
            out.println("  other providers: client " + DevClientHints.PROVIDER_PATTERN + ", secret <client>"
                    + DevClientHints.SECRET_SUFFIX);
            out.println("  a token names all four services in its audience; for one service only add"
                    + " -d resource=<service name>, e.g. -d resource=referral-service");
            out.println("  then send the access_token as: Authorization: Bearer <token>");
        }
        if (stack.components().contains(StackComponent.WEB) && stack.components().contains(StackComponent.AUTH)) {
            out.println();
            out.println("Sign in to " + stack.webAppUrl() + " as (password: the username followed by "
                    + DevUserHints.PASSWORD_SUFFIX + ", e.g. cw-nottingham" + DevUserHints.PASSWORD_SUFFIX + "):");
            out.printf("  %-16s %-24s %-24s %s%n", "username", "name", "role", "where");
            for (DevUserHints.User user : DevUserHints.USERS) {
                out.printf("  %-16s %-24s %-24s %s%n", user.username(), user.name(), user.role(), user.where());
            }
            out.println("  other providers: " + DevUserHints.PROVIDER_PATTERN);
        }
        out.println();
        out.println(stack.supervised()
                ? "A component that exits is restarted (back-off 1 s, 2 s, 4 s ...); Ctrl-C stops everything."
                : "Supervision is off: a component that exits stays down. Ctrl-C stops everything.");
    }
}
