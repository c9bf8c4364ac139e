package org.jixiao.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.jixiao.deploy.security.AccessMatrix;
import org.jixiao.deploy.security.SecurityProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Every door checked, every input answered, on one start of the whole system: the authorization matrix (every
 * operation of the four OpenAPI documents, called by ten kinds of caller, against one table of expected answers)
 * and the fuzzer (requests built from the same documents and mutated with hostile input).
 *
 * <p>{@code -Djixiao.fuzz.requests} (20,000; 200,000 with {@code -Pfuzz}), {@code -Djixiao.fuzz.seed} (printed; the
 * same seed sends the same requests), {@code -Djixiao.attach=FILE} runs against a system {@link LocalSystemRunner} keeps up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(AccessMatrixAndFuzzIT.LogsOnFailure.class)
class AccessMatrixAndFuzzIT {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static LocalSystem system;
    SecurityProbe probe;

    @BeforeAll
    void start() throws Exception {
        String attach = System.getProperty("jixiao.attach", "");
        if (attach.isBlank()) {
            system = new LocalSystem(ROOT);
            system.startPostgres();
            system.startKafka();
            system.startServices();
        } else {
            Properties described = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(attach))) {
                described.load(in);
            }
            system = LocalSystem.attach(ROOT, described);
        }
        probe = new SecurityProbe(LocalSystem.SERVICES, system::url);
        probe.loadOperations();
        probe.createObjects();
    }

    @AfterAll
    void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void shouldHaveADecisionInTheMatrixForEveryOperationOfEveryServiceAndNoStaleRow() {
        assertThat(probe.operationKeys()).hasSizeGreaterThan(40);
        assertThat(probe.matrixMismatches()).isEmpty();
    }

    @Test
    @Order(2)
    void shouldListInTheReadmeWhatEachRoleMayDoAsTheMatrixSays() throws Exception {
        String table = new AccessMatrix().markdown();
        Files.writeString(ROOT.resolve("deploy/target/access-matrix.md"), table);
        assertThat(Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8))
                .as("README's Security → Who may do what is the matrix as deploy/target/access-matrix.md prints it")
                .contains(table);
    }

    @Test
    @Order(3)
    void shouldAnswerEveryOperationForEveryCallerAsTheMatrixSaysAndNeverAcrossDepartments() throws Exception {
        SecurityProbe.MatrixResult result = probe.runMatrix();
        String figures = "authorization matrix: " + result.calls() + " calls, " + result.failures().size()
                + " not as the table says, cross-department reads or writes: " + result.crossDepartment() + "\n";
        System.out.print(figures);
        result.failures().forEach(f -> System.out.println("  " + f));
        Files.writeString(ROOT.resolve("deploy/target/access-matrix.txt"), figures + String.join("\n", result.failures()));
        assertThat(result.calls()).isGreaterThan(400);
        assertThat(result.crossDepartment()).as("cross-department reads or writes").isZero();
        assertThat(result.failures()).isEmpty();
    }

    @Test
    @Order(4)
    void shouldAnswerFuzzedRequestsWithoutServerErrorsNonProblemRejectionsOrRowsChangedByRejectedRequests() throws Exception {
        long seed = Long.getLong("jixiao.fuzz.seed", 11);
        int requests = Integer.getInteger("jixiao.fuzz.requests", 20_000);
        int concurrency = Integer.getInteger("jixiao.fuzz.concurrency", 8);
        SecurityProbe.FuzzReport report = probe.runFuzz(seed, requests, concurrency, system::connect,
                () -> system.awaitAllQuiet(Duration.ofSeconds(120)));
        System.out.print(report.text());
        report.changedTables().forEach(t -> System.out.println("  changed " + t));
        report.examples().forEach(e -> System.out.println("  " + e));
        Files.writeString(ROOT.resolve("deploy/target/fuzz-figures.txt"), report.text() + String.join("\n", report.changedTables())
                + "\n" + String.join("\n", report.examples()));
        assertThat(report.sent()).isGreaterThanOrEqualTo(requests * 99L / 100);
        assertThat(report.answered5xx()).as("5xx answered; examples:\n" + String.join("\n", report.examples())).isZero();
        assertThat(report.notProblem4xx()).as("4xx not problem+json; examples:\n" + String.join("\n", report.examples())).isZero();
        assertThat(report.acceptedThoughDefective()).as("accepted in the rejection phase:\n" + String.join("\n", report.examples())).isZero();
        assertThat(report.rowsChangedByRejected()).as("rows changed by rejected requests: " + report.changedTables()).isZero();
        assertThat(report.failedToSend()).as("requests without an answer:\n" + String.join("\n", report.examples())).isZero();
    }

    /** A failed test prints the last lines of every process's log. */
    static class LogsOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (system != null) {
                System.err.println(system.tails());
            }
        }
    }
}
