package org.jixiao.reporting;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jixiao.common.db.DatabaseBootstrap;

@QuarkusMain
public class ReportingServiceMain {
    public static void main(String... args) {
        DatabaseBootstrap.ensureDatabaseExists("jixiao_reporting");
        Quarkus.run(args);
    }
}
