package org.jixiao.project;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jixiao.common.db.DatabaseBootstrap;

@QuarkusMain
public class ProjectServiceMain {
    public static void main(String... args) {
        DatabaseBootstrap.ensureDatabaseExists("jixiao_project");
        Quarkus.run(args);
    }
}
