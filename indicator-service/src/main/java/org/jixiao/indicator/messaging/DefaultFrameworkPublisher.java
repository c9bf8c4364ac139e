package org.jixiao.indicator.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jixiao.indicator.service.CheckService;

/** Makes sure the default framework has been published (once per version) when the service starts. */
@ApplicationScoped
public class DefaultFrameworkPublisher {
    private final CheckService checks;

    public DefaultFrameworkPublisher(CheckService checks) {
        this.checks = checks;
    }

    void onStart(@Observes StartupEvent event) {
        checks.publishDefault();
    }
}
