package org.jixiao.common.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points a @QuarkusTest at a fresh database and at the {@link SaslTestBroker}, as the service principal with
 * exactly the ACLs of init args {@code group}, {@code reads} and {@code writes} (comma-separated topics).
 */
public class SaslTestResource implements QuarkusTestResourceLifecycleManager {
    private Map<String, String> args;

    @Override
    public void init(Map<String, String> initArgs) {
        args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        String database = args.getOrDefault("database", "jixiao_sasl_test");
        infra.recreateDatabase(database);
        infra.useDatabase(database);
        SaslTestBroker broker = SaslTestBroker.get();
        broker.grant(args.get("group"), topics("reads"), topics("writes"));
        Map<String, String> config = new HashMap<>(infra.quarkusConfig(database));
        config.putAll(broker.quarkusConfig());
        return config;
    }

    private List<String> topics(String arg) {
        return Arrays.stream(args.getOrDefault(arg, "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public void stop() {
        // the broker lives as long as the JVM
    }
}
