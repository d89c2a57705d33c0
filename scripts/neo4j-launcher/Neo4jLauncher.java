// Neo4jLauncher runs Neo4j Community (embedded DBMS) with a Bolt connector, for
// development and tests. It is started by scripts/neo4j as a single source file,
// with no compile step:
//
//     java <jvm flags> -cp '<lib>/*' Neo4jLauncher.java
//
// Configuration comes from the environment (set by scripts/neo4j):
//
//     NEO4J_DBMS_HOME   DBMS home directory (data/, logs/ are created inside); required
//     NEO4J_BOLT_PORT   Bolt port on 127.0.0.1 (default 7687)
//     NEO4J_PASSWORD    password of user neo4j, at least 8 characters (default careergraph-dev)
//     NEO4J_PAGECACHE   page cache size, e.g. 256m, 1g (default 256m)
//
// The password is passed through the environment (not the command line, which
// any user can read with ps) and is never printed.
//
// Once the DBMS is up and the password is set, it prints one line
// "neo4j ready on bolt://127.0.0.1:<port>"; scripts/neo4j waits for it. SIGTERM
// (or SIGINT) shuts the DBMS down cleanly through a shutdown hook.

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

public class Neo4jLauncher {
    static final String HOST = "127.0.0.1";
    // The development password and port (7687, below) are those of the Go code:
    // neo4jstore.DefaultPassword and DefaultURI in store/neo4j/store.go; the server tests check they agree.
    static final String DEFAULT_PASSWORD = "careergraph-dev";
    static final int MIN_PASSWORD_LENGTH = 8;

    public static void main(String[] args) {
        try {
            run();
        } catch (Exception e) {
            System.err.println("neo4j launcher: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run() throws Exception {
        String homeEnv = env("NEO4J_DBMS_HOME", "");
        if (homeEnv.isEmpty()) {
            throw new IllegalArgumentException("NEO4J_DBMS_HOME is not set");
        }
        Path home = Path.of(homeEnv).toAbsolutePath();
        int port = parsePort(env("NEO4J_BOLT_PORT", "7687"));
        long pageCache = parseBytes("NEO4J_PAGECACHE", env("NEO4J_PAGECACHE", "256m"));
        String password = env("NEO4J_PASSWORD", DEFAULT_PASSWORD);
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(
                    "NEO4J_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        Files.createDirectories(home);

        SocketAddress bolt = new SocketAddress(HOST, port);
        System.out.printf("neo4j starting: home=%s bolt=%s pagecache=%d bytes, heap max=%d MiB%n",
                home, bolt, pageCache, Runtime.getRuntime().maxMemory() >> 20);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                // Listen on loopback only, Bolt without TLS, no HTTP(S).
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Server-side routing would open a second port (7688); a single
                // instance does not need it.
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // No usage reports: this machine talks to nothing but localhost.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt waits 5 s for connections and 5 s for its thread pool at
                // shutdown; 1 s each makes stop/restart quick (internal settings).
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j stopping");
            try {
                dbms.shutdown();
            } finally {
                System.out.println("neo4j stopped");
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        setPassword(dbms, password);
        System.out.printf("neo4j ready on bolt://%s:%d (pid %d, JVM up %.1fs)%n", HOST, port,
                ProcessHandle.current().pid(), ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        System.out.flush();
        stopped.await();
    }

    // setPassword makes password the password of user neo4j, and marks it as
    // not needing a change (else drivers get "credentials expired"). Neo4j
    // refuses to set the password it already has; that refusal means there is
    // nothing to do.
    static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
            System.out.println("neo4j password of user neo4j set from NEO4J_PASSWORD");
        } catch (RuntimeException e) {
            if (!samePassword(e)) {
                // The message does not contain the password (it is a parameter).
                throw new IllegalStateException("set password of user neo4j: " + e.getMessage(), e);
            }
            System.out.println("neo4j password of user neo4j unchanged");
        }
    }

    static boolean samePassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("old password and new password cannot be the same")) {
                return true;
            }
        }
        return false;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    static int parsePort(String s) {
        int port;
        try {
            port = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NEO4J_BOLT_PORT: not a port number: " + s, e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("NEO4J_BOLT_PORT: out of range 1-65535: " + s);
        }
        return port;
    }

    // parseBytes reads a size such as 512k, 256m, 1g or a plain number of bytes.
    static long parseBytes(String name, String s) {
        String v = s.toLowerCase(Locale.ROOT);
        long unit = 1;
        if (v.endsWith("b")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.endsWith("k")) {
            unit = 1L << 10;
        } else if (v.endsWith("m")) {
            unit = 1L << 20;
        } else if (v.endsWith("g")) {
            unit = 1L << 30;
        }
        if (unit != 1) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v);
            if (n <= 0) {
                throw new NumberFormatException("not positive");
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + ": not a size like 256m or 1g: " + s, e);
        }
    }
}
