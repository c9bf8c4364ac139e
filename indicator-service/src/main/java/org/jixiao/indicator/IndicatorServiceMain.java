package org.jixiao.indicator;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jixiao.common.db.DatabaseBootstrap;

@QuarkusMain
public class IndicatorServiceMain {
    public static void main(String... args) {
        DatabaseBootstrap.ensureDatabaseExists("jixiao_indicator");
        Quarkus.run(args);
    }
}
