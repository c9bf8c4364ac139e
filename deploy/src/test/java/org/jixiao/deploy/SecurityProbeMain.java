package org.jixiao.deploy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.jixiao.deploy.security.SecurityProbe;

/** Runs the matrix and the fuzzer against a system {@link LocalSystemRunner} keeps up: ROOT ATTACH_FILE [REQUESTS] [SEED]. */
public final class SecurityProbeMain {
    private SecurityProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            p.load(in);
        }
        LocalSystem system = LocalSystem.attach(Path.of(args[0]), p);
        SecurityProbe probe = new SecurityProbe(LocalSystem.SERVICES, system::url);
        probe.loadOperations();
        System.out.println(probe.operationKeys().size() + " operations");
        probe.matrixMismatches().forEach(System.out::println);
        probe.createObjects();
        SecurityProbe.MatrixResult m = probe.runMatrix();
        System.out.println("matrix: " + m.calls() + " calls, " + m.failures().size() + " failures, cross-department " + m.crossDepartment());
        m.failures().forEach(f -> System.out.println("  " + f));
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        if (requests > 0) {
            SecurityProbe.FuzzReport f = probe.runFuzz(args.length > 3 ? Long.parseLong(args[3]) : 11, requests, 8,
                    system::connect, () -> system.awaitAllQuiet(Duration.ofSeconds(60)));
            System.out.println(f.text());
            f.changedTables().forEach(t -> System.out.println("  changed " + t));
            f.examples().forEach(e -> System.out.println("  " + e));
        }
        System.exit(0);
    }
}
