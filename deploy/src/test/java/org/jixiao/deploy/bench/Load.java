package org.jixiao.deploy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent load: N connections, each a thread sending its next request as soon as the previous one answered
 * (closed loop, like {@code wrk -cN}), for a warm-up and then a fixed measured duration. A figure is only read
 * against an anchor measured by the same client in the same run, since the load generator shares the 2 cores
 * with the server: the ratio is what carries from one machine to another.
 */
final class Load {
    /** One request; returns the HTTP status (or 200 for a JDBC read that found its row). */
    @FunctionalInterface
    interface Call {
        int run() throws Exception;
    }

    /** Throughput in requests/s over the measured window, latencies sorted, and answers that were not 2xx. */
    record Result(String name, long requests, double seconds, long[] sortedNanos, long errors) {
        /** A line -Dbench.load.only left out. */
        boolean skipped() {
            return sortedNanos == null;
        }

        double perSecond() {
            return requests / seconds;
        }

        double p(int percentile) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1)] / 1e6;
        }

        void print(Result anchor) {
            if (skipped()) {
                return;
            }
            line(anchor == null ? "  anchor" : String.format("%6.0f%% of %s", 100 * perSecond() / anchor.perSecond(), anchor.name()));
        }

        /** An anchor measured again: how far it moved from its first measurement in the same run. */
        void printDrift(Result first) {
            if (!skipped()) {
                line(String.format("  anchor again, %+.0f%% since the first", 100 * (perSecond() / first.perSecond() - 1)));
            }
        }

        private void line(String verdict) {
            System.out.printf("  %-58s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  errors %d  %s%n", name, perSecond(), p(50), p(99),
                    errors, verdict);
        }
    }

    private final int connections;
    private final Duration warmup;
    private final Duration duration;
    private final HttpClient http;
    /** -Dbench.load.only: a regular expression on the line names to measure; the anchors are always measured. */
    private final java.util.regex.Pattern only;

    Load(int connections, Duration warmup, Duration duration) {
        this.connections = connections;
        this.warmup = warmup;
        this.duration = duration;
        // HTTP/1.1 keeps one request per connection in flight, as browsers and wrk do; the pool grows to N.
        String filter = System.getProperty("bench.load.only");
        this.only = filter == null || filter.isBlank() ? null : java.util.regex.Pattern.compile(filter);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** The same measurement with another number of connections (1: one user's requests one after the other). */
    Load withConnections(int n) {
        return new Load(n, warmup, duration);
    }

    int connections() {
        return connections;
    }

    Result get(String name, String url, String token) throws InterruptedException {
        return getEach(name, List.of(url), token);
    }

    /** As {@link #get}, each request to the next of the URLs in turn (all connections share the turn). */
    Result getEach(String name, List<String> urls, String token) throws InterruptedException {
        if (only != null && !urls.get(0).endsWith("/q/health/live") && !only.matcher(name).find()) {
            return new Result(name, 0, 0, null, 0);
        }
        List<HttpRequest> requests = urls.stream().map(url -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            return builder.build();
        }).toList();
        AtomicInteger next = new AtomicInteger();
        return run(name, () -> http.send(requests.get(Math.floorMod(next.getAndIncrement(), requests.size())),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    /**
     * The database's own yardstick: a primary-key read of one row from this process, each connection with its own
     * JDBC connection, as a service's read would do at best.
     */
    Result jdbc(String name, String url, String user, String password, String sql, Object key) throws Exception {
        List<Connection> pool = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                pool.add(DriverManager.getConnection(url, user, password));
            }
            ThreadLocal<PreparedStatement> statements = new ThreadLocal<>();
            AtomicLong next = new AtomicLong();
            return run(name, () -> {
                PreparedStatement ps = statements.get();
                if (ps == null) {
                    ps = pool.get((int) next.getAndIncrement()).prepareStatement(sql);
                    ps.setObject(1, key);
                    statements.set(ps);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? 200 : 404;
                }
            });
        } finally {
            for (Connection c : pool) {
                c.close();
            }
        }
    }

    Result run(String name, Call call) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<long[]> perThread = new ArrayList<>();
        long[] counts = new long[connections];
        long[] errors = new long[connections];
        CountDownLatch done = new CountDownLatch(connections);
        for (int t = 0; t < connections; t++) {
            long[][] holder = {new long[4096]};
            int index = t;
            perThread.add(null);
            Thread thread = new Thread(() -> {
                int n = 0;
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        int status;
                        try {
                            status = call.run();
                        } catch (Exception e) {
                            status = 0;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            if (n == holder[0].length) {
                                holder[0] = Arrays.copyOf(holder[0], n * 2);
                            }
                            holder[0][n++] = t1 - t0;
                            if (status < 200 || status > 299) {
                                errors[index]++;
                            }
                        }
                    }
                } finally {
                    synchronized (perThread) {
                        perThread.set(index, Arrays.copyOf(holder[0], n));
                    }
                    counts[index] = n;
                    done.countDown();
                }
            }, "load-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int at = 0;
        synchronized (perThread) {
            for (long[] part : perThread) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
        }
        Arrays.sort(all);
        return new Result(name, total, duration.toNanos() / 1e9, all, Arrays.stream(errors).sum());
    }
}
