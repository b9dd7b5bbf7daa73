package geokg;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Test-only launcher: a real Neo4j 5.26 (community, in-process via neo4j-harness) with Bolt and
 * HTTP (which also serves the Neo4j Browser at /browser/) on fixed 127.0.0.1 ports.
 *
 * <p>Usage: {@code java -cp ... geokg.Neo4jTestServer --bolt-port N --http-port M --dir PATH}
 *
 * <p>Protocol with the Python side (tests/neo4j_server.py): exactly one line
 * {@code READY bolt://127.0.0.1:N http://127.0.0.1:M} on stdout once both connectors accept
 * connections; everything else goes to stderr. The server stops when stdin reaches EOF (so it
 * dies with its parent even if the parent is killed) or on SIGTERM/SIGINT (shutdown hook).
 *
 * <p>Auth: the harness already sets dbms.security.auth_enabled=false; we set it again explicitly
 * so the Python driver can connect with auth=None.
 */
public final class Neo4jTestServer {

    public static void main(String[] args) throws Exception {
        int boltPort = -1;
        int httpPort = -1;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--bolt-port" -> { boltPort = Integer.parseInt(value); i++; }
                case "--http-port" -> { httpPort = Integer.parseInt(value); i++; }
                case "--dir" -> { dir = Path.of(value); i++; }
                default -> usage("unknown argument: " + args[i]);
            }
        }
        if (boltPort <= 0 || httpPort <= 0 || dir == null) {
            usage("--bolt-port, --http-port and --dir are required");
        }
        Files.createDirectories(dir);

        // Keep stdout for the READY line only: Neo4j and its libraries may print to System.out,
        // and a parent that stops reading stdout after READY must never block us on a full pipe.
        PrintStream protocolOut = System.out;
        System.setOut(System.err);

        Neo4j neo4j;
        try {
            neo4j = start(boltPort, httpPort, dir);
        } catch (Throwable t) {
            // e.g. a port taken meanwhile: report it and exit now, rather than leave Neo4j's
            // non-daemon threads keeping a half-started JVM alive until the caller's timeout.
            t.printStackTrace();
            System.exit(1);
            return;
        }

        // close() may be reached from the stdin watcher and from the shutdown hook; run it once.
        AtomicBoolean closed = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            if (closed.compareAndSet(false, true)) {
                try {
                    neo4j.close();
                } finally {
                    stopped.countDown();
                }
            }
        };

        // SIGTERM/SIGINT: the JVM runs shutdown hooks; waiting on the latch keeps the JVM alive
        // until the store is closed cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            awaitQuietly(stopped);
        }, "neo4j-shutdown-hook"));

        Thread stdinWatcher = new Thread(() -> {
            drainUntilEof(System.in);
            System.err.println("stdin closed: stopping Neo4j");
            stop.run();
        }, "stdin-watcher");
        stdinWatcher.setDaemon(true);
        stdinWatcher.start();

        protocolOut.println("READY bolt://127.0.0.1:" + boltPort + " http://127.0.0.1:" + httpPort);
        protocolOut.flush();

        stopped.await();
        // Leave via exit so lingering non-daemon threads from Neo4j can't keep the JVM up.
        System.exit(0);
    }

    private static Neo4j start(int boltPort, int httpPort, Path dir) {
        return Neo4jBuilders.newInProcessBuilder(dir)
                .withConfig(GraphDatabaseSettings.auth_enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                .withConfig(HttpConnector.enabled, true)
                .withConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", httpPort))
                .withConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", httpPort))
                .withConfig(HttpsConnector.enabled, false)
                // Tests make tiny stores: don't pre-allocate 250 MB transaction log files.
                .withConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // Netty's graceful shutdown waits a 5 s "quiet period" per event loop group,
                // which made every stop take ~11 s. Nothing needs a grace period in tests.
                // (Internal settings: fine here because the Neo4j version is pinned in pom.xml.)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();
    }

    private static void drainUntilEof(InputStream in) {
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // Content is ignored; only EOF matters.
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone: same as EOF.
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void usage(String message) {
        System.err.println("Neo4jTestServer: " + message);
        System.err.println("usage: geokg.Neo4jTestServer --bolt-port N --http-port M --dir PATH");
        System.exit(2);
    }
}
