package org.jixiao.common.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a @QuarkusTest at a fresh database (init arg {@code database}) on the shared test PostgreSQL
 * server and at the shared test broker.
 */
public class JixiaoTestResource implements QuarkusTestResourceLifecycleManager {
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "jixiao_test");
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        infra.recreateDatabase(database);
        infra.useDatabase(database);
        return infra.quarkusConfig(database);
    }

    @Override
    public void stop() {
        // The server and the broker live as long as the JVM; see TestInfrastructure.
    }
}
