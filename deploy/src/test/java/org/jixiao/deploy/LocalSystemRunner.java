package org.jixiao.deploy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the local system once and keeps it running, for iterating on {@link AccessMatrixAndFuzzIT}:
 * {@code java ... LocalSystemRunner ROOT ATTACH_FILE}, then run the test with {@code -Djixiao.attach=ATTACH_FILE}.
 * Stops when the attach file is deleted.
 */
public final class LocalSystemRunner {
    private LocalSystemRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path attach = Path.of(args[1]);
        try (LocalSystem system = new LocalSystem(root)) {
            system.startPostgres();
            system.startKafka();
            system.startServices();
            try (OutputStream out = Files.newOutputStream(attach)) {
                system.describe().store(out, "LocalSystemRunner");
            }
            System.out.println("ready: " + attach);
            while (Files.exists(attach)) {
                Thread.sleep(1000);
            }
        }
    }
}
