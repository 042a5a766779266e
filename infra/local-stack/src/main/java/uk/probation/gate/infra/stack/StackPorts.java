package uk.probation.gate.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The TCP ports of one stack: the documented defaults, or free ones so tests never clash with a running stack.
 * Besides its API port, each Spring Boot app (services, web app) has a management (actuator) port. Every instance of
 * a component has its own: Kafka broker i listens on 9092 + 2i with its controller on 9093 + 2i; service instance i
 * on its port + 100i (management likewise).
 *
 * @param api              each component's API port per instance (Kafka: per broker)
 * @param managementPorts  the actuator port per instance, for the Spring Boot apps only
 * @param kafkaControllers the KRaft controller port per broker
 * @param mailApi          the mail server's HTTP API
 */
record StackPorts(Map<StackComponent, List<Integer>> api, Map<StackComponent, List<Integer>> managementPorts,
                  List<Integer> kafkaControllers, int mailApi) {

    static final int INSTANCE_PORT_STEP = 100;
    static final int BROKER_PORT_STEP = 2;

    StackPorts {
        api = copy(api);
        managementPorts = copy(managementPorts);
        kafkaControllers = List.copyOf(kafkaControllers);
    }

    /** The documented ports of a one-broker, one-instance stack. */
    static StackPorts defaults() {
        return defaults(1, 1);
    }

    static StackPorts defaults(int brokers, int instances) {
        Map<StackComponent, List<Integer>> api = new EnumMap<>(StackComponent.class);
        Map<StackComponent, List<Integer>> management = new EnumMap<>(StackComponent.class);
        List<Integer> controllers = new ArrayList<>();
        for (StackComponent component : StackComponent.values()) {
            int count = count(component, brokers, instances);
            int step = component == StackComponent.KAFKA ? BROKER_PORT_STEP : INSTANCE_PORT_STEP;
            List<Integer> ports = new ArrayList<>();
            List<Integer> managed = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ports.add(component.defaultPort() + step * i);
                if (component.hasManagementPort()) {
                    managed.add(component.defaultManagementPort() + step * i);
                }
            }
            api.put(component, ports);
            if (component.hasManagementPort()) {
                management.put(component, managed);
            }
        }
        for (int i = 0; i < brokers; i++) {
            controllers.add(StackComponent.DEFAULT_KAFKA_CONTROLLER_PORT + BROKER_PORT_STEP * i);
        }
        return new StackPorts(api, management, controllers, StackComponent.DEFAULT_MAIL_API_PORT);
    }

    /** Free ports for a one-broker, one-instance stack. */
    static StackPorts random() {
        return random(1, 1);
    }

    static StackPorts random(int brokers, int instances) {
        int needed = brokers + 1;
        for (StackComponent component : StackComponent.values()) {
            int count = count(component, brokers, instances);
            needed += component.hasManagementPort() ? 2 * count : count;
        }
        Iterator<Integer> free = freePorts(needed).iterator();
        Map<StackComponent, List<Integer>> api = new EnumMap<>(StackComponent.class);
        Map<StackComponent, List<Integer>> management = new EnumMap<>(StackComponent.class);
        for (StackComponent component : StackComponent.values()) {
            int count = count(component, brokers, instances);
            List<Integer> ports = new ArrayList<>();
            List<Integer> managed = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ports.add(free.next());
                if (component.hasManagementPort()) {
                    managed.add(free.next());
                }
            }
            api.put(component, ports);
            if (component.hasManagementPort()) {
                management.put(component, managed);
            }
        }
        List<Integer> controllers = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            controllers.add(free.next());
        }
        return new StackPorts(api, management, controllers, free.next());
    }

    private static int count(StackComponent component, int brokers, int instances) {
        if (component == StackComponent.KAFKA) {
            return brokers;
        }
        return component.isService() ? instances : 1;
    }

    /** The API port of instance 0 (Kafka: the first broker). */
    int of(StackComponent component) {
        return of(component, 0);
    }

    int of(StackComponent component, int instance) {
        List<Integer> ports = api.get(component);
        if (instance < 0 || instance >= ports.size()) {
            throw new IllegalArgumentException(component + " has no instance " + instance + " (it has "
                    + ports.size() + ")");
        }
        return ports.get(instance);
    }

    /** How many instances the ports were chosen for. */
    int instances(StackComponent component) {
        return api.get(component).size();
    }

    /** The actuator port of a service or the web app (instance 0). */
    int managementOf(StackComponent component) {
        return managementOf(component, 0);
    }

    int managementOf(StackComponent component, int instance) {
        List<Integer> ports = managementPorts.get(component);
        if (ports == null) {
            throw new IllegalArgumentException(component + " has no management port");
        }
        if (instance < 0 || instance >= ports.size()) {
            throw new IllegalArgumentException(component + " has no instance " + instance);
        }
        return ports.get(instance);
    }

    /** The first broker's KRaft controller port. */
    int kafkaController() {
        return kafkaController(0);
    }

    int kafkaController(int broker) {
        return kafkaControllers.get(broker);
    }

    /** The API port of instance 0 of each component. */
    Map<StackComponent, Integer> byComponent() {
        Map<StackComponent, Integer> first = new EnumMap<>(StackComponent.class);
        api.forEach((component, ports) -> first.put(component, ports.get(0)));
        return first;
    }

    /** The management port of instance 0 of each Spring Boot app. */
    Map<StackComponent, Integer> management() {
        Map<StackComponent, Integer> first = new EnumMap<>(StackComponent.class);
        managementPorts.forEach((component, ports) -> first.put(component, ports.get(0)));
        return first;
    }

    /** Every port of every instance, broker controller and the mail API. */
    List<Integer> all() {
        List<Integer> all = new ArrayList<>();
        api.values().forEach(all::addAll);
        managementPorts.values().forEach(all::addAll);
        all.addAll(kafkaControllers);
        all.add(mailApi);
        return all;
    }

    private static Map<StackComponent, List<Integer>> copy(Map<StackComponent, List<Integer>> ports) {
        Map<StackComponent, List<Integer>> copy = new EnumMap<>(StackComponent.class);
        ports.forEach((component, list) -> copy.put(component, List.copyOf(list)));
        return java.util.Collections.unmodifiableMap(copy);
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
