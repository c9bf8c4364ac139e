package org.jixiao.approval.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.Json;
import org.jixiao.common.domain.Actor;

/**
 * The dashboards connected to this instance, and what each may hear: a department only its own department's
 * changes. Fed by the instance's LISTEN connection ({@code messaging.DashboardListener}), so a change made
 * through any instance reaches the dashboards of every instance.
 */
@ApplicationScoped
public class DashboardStream {
    private static final Logger LOG = Logger.getLogger(DashboardStream.class);

    /** A connected dashboard; each call answers false once the client has gone, which releases it. */
    public interface Client {
        boolean send(String event, String data);

        /** A comment line only: proxies see traffic and keep the connection open. */
        boolean heartbeat();
    }

    private record Subscription(Actor actor, Client client) {
    }

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;

    public DashboardStream(ObjectMapper json) {
        this.json = json;
    }

    /** Connects a dashboard; run the returned action when it disconnects. */
    public Runnable subscribe(Actor actor, Client client) {
        Subscription s = new Subscription(actor, client);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    public int connected() {
        return subscriptions.size();
    }

    /** One NOTIFY payload ({@link DashboardSignals}): to every connected dashboard allowed to see its department. */
    public void publish(String payload) {
        JsonNode node;
        try {
            node = Json.tree(json, payload);
        } catch (RuntimeException e) {
            LOG.warnf("dashboard signal ignored, not JSON: %s", payload);
            return;
        }
        String type = node.path("type").asText(null);
        String department = node.path("departmentCode").asText(null);
        if (type == null || department == null) {
            LOG.warnf("dashboard signal ignored, no type or department: %s", payload);
            return;
        }
        for (Subscription s : subscriptions) {
            if (s.actor().mayAccessDepartment(department) && !s.client().send(type, payload)) {
                subscriptions.remove(s);
            }
        }
    }

    @Scheduled(every = "${jixiao.dashboard.heartbeat:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        subscriptions.removeIf(s -> !s.client().heartbeat());
    }
}
