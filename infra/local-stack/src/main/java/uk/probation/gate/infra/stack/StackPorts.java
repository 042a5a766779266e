package uk.probation.gate.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The TCP ports of one stack: the documented defaults, or free ones so tests never clash with a running stack.
 * Besides its API port, each Spring Boot app (services, web app) has a management (actuator) port.
 */
record StackPorts(Map<StackComponent, Integer> byComponent, Map<StackComponent, Integer> management,
                  int kafkaController, int mailApi) {

    static StackPorts defaults() {
        Map<StackComponent, Integer> ports = new EnumMap<>(StackComponent.class);
        Map<StackComponent, Integer> management = new EnumMap<>(StackComponent.class);
        for (StackComponent component : StackComponent.values()) {
            ports.put(component, component.defaultPort());
            if (component.hasManagementPort()) {
                management.put(component, component.defaultManagementPort());
            }
        }
        return new StackPorts(ports, management, StackComponent.DEFAULT_KAFKA_CONTROLLER_PORT,
                StackComponent.DEFAULT_MAIL_API_PORT);
    }

    static StackPorts random() {
        List<StackComponent> managed = Arrays.stream(StackComponent.values())
                .filter(StackComponent::hasManagementPort).toList();
        int count = StackComponent.values().length;
        List<Integer> free = freePorts(count + managed.size() + 2);
        Map<StackComponent, Integer> ports = new EnumMap<>(StackComponent.class);
        Map<StackComponent, Integer> management = new EnumMap<>(StackComponent.class);
        for (StackComponent component : StackComponent.values()) {
            ports.put(component, free.get(component.ordinal()));
        }
        for (int i = 0; i < managed.size(); i++) {
            management.put(managed.get(i), free.get(count + i));
        }
        return new StackPorts(ports, management, free.get(free.size() - 2), free.get(free.size() - 1));
    }

    int of(StackComponent component) {
        return byComponent.get(component);
    }

    /** The actuator port of a service or the web app. */
    int managementOf(StackComponent component) {
        Integer port = management.get(component);
        if (port == null) {
            throw new IllegalArgumentException(component + " has no management port");
        }
        return port;
    }

    /** Holds all sockets open together, so the ports handed out are distinct. */
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket cannot lose anything
                }
            }
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
