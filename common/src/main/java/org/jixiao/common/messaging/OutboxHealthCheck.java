package org.jixiao.common.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the outbox in {@code /q/health/ready}: pending and parked rows as data. A parked row needs an
 * operator, not a restart, so it does not take the service out of rotation.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    private final OutboxAdmin admin;

    public OutboxHealthCheck(OutboxAdmin admin) {
        this.admin = admin;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("outbox").up();
        try {
            OutboxAdmin.State state = admin.state();
            builder.withData("pending", state.pending()).withData("parked", state.parked().size());
            state.parked().stream().limit(5).forEach(p -> builder.withData("parked " + p.eventId(),
                    p.eventType() + " of " + p.projectId() + ": " + p.lastError()));
        } catch (RuntimeException e) {
            builder.withData("error", "outbox not readable: " + e.getMessage());
        }
        return builder.build();
    }
}
