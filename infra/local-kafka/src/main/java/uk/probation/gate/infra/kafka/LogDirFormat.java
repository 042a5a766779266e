package uk.probation.gate.infra.kafka;

import java.nio.file.Files;
import java.nio.file.Path;

import kafka.tools.StorageTool;

/**
 * Formats the KRaft log directory on first start only, so data survives restarts. Every node of a cluster is formatted
 * with the same cluster id, each on its own directory.
 */
final class LogDirFormat {

    private LogDirFormat() {
    }

    static void formatOnce(Path logDir, Path configFile, String clusterId) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        // execute, not main: main calls System.exit
        int status = StorageTool.execute(
                new String[] {"format", "--cluster-id", clusterId, "--config", configFile.toString()}, System.out);
        if (status != 0) {
            throw new IllegalStateException("formatting " + logDir + " failed with status " + status);
        }
    }
}
