package uk.probation.gate.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The TCP ports of one stack: the documented defaults, or free ones so tests never clash with a running stack. */
record StackPorts(Map<StackComponent, Integer> byComponent, int kafkaController, int mailApi) {

    static StackPorts defaults() {
        Map<StackComponent, Integer> ports = new EnumMap<>(StackComponent.class);
        for (StackComponent component : StackComponent.values()) {
            ports.put(component, component.defaultPort());
        }
        return new StackPorts(ports, StackComponent.DEFAULT_KAFKA_CONTROLLER_PORT, StackComponent.DEFAULT_MAIL_API_PORT);
    }

    static StackPorts random() {
        List<Integer> free = freePorts(StackComponent.values().length + 2);
        Map<StackComponent, Integer> ports = new EnumMap<>(StackComponent.class);
        for (StackComponent component : StackComponent.values()) {
            ports.put(component, free.get(component.ordinal()));
        }
        return new StackPorts(ports, free.get(free.size() - 2), free.get(free.size() - 1));
    }

    int of(StackComponent component) {
        return byComponent.get(component);
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
