package uk.probation.gate.infra.auth;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the client-credentials dev clients work: scripts and the simulator act for every prison and area, so the
 * {@code caseworker} client carries every resettlement prison and the {@code coordinator} and {@code supervisor}
 * clients every area. Services scope by these claims exactly as they scope a person's.
 */
@ConfigurationProperties("auth.workplaces")
record Workplaces(List<String> prisons, List<String> areas) {

    Workplaces {
        prisons = prisons == null ? List.of() : List.copyOf(prisons);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }
}
