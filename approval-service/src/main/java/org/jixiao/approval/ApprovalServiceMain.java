package org.jixiao.approval;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jixiao.common.db.DatabaseBootstrap;
import org.jixiao.common.security.ProductionSettings;

@QuarkusMain
public class ApprovalServiceMain {
    public static void main(String... args) {
        ProductionSettings.requireTokenIssuer();
        DatabaseBootstrap.ensureDatabaseExists("jixiao_approval");
        Quarkus.run(args);
    }
}
