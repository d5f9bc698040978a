package dev.mgkg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.ByteUnit;

/**
 * Runs a real Neo4j Community DBMS (embedded, with the Bolt connector) for machines
 * without Docker. Node's launcher (src/local-neo4j/) spawns this main and talks to it
 * only through Bolt and these stdout lines:
 *
 *   READY bolt://127.0.0.1:PORT   the DBMS is up and the password is applied
 *   ERROR message                 start failed; the process exits with status 1
 *
 * Options: --data-dir DIR --port N --password-file FILE [--pagecache-mb N]
 *
 * The password is read from a file rather than argv so it never shows in `ps`.
 * The DBMS shuts down on SIGINT/SIGTERM and also when stdin reaches EOF: the parent
 * keeps stdin open, so if the parent dies (even by SIGKILL) the JVM follows it.
 */
public final class LocalNeo4j {
    private static final String USER = "neo4j";

    /**
     * Bolt's network layer otherwise waits two 5-second quiet periods on shutdown, which
     * makes every stop of this single-user local DBMS take over ten seconds. The database
     * itself (transactions, checkpoint) still shuts down fully before these apply.
     */
    private static final Map<Setting<?>, Object> FAST_BOLT_SHUTDOWN = Map.of(
            GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0,
            GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3),
            BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1),
            BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1));

    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        Path dataDir = Path.of(require(options, "data-dir")).toAbsolutePath();
        int port = Integer.parseInt(require(options, "port"));
        Path passwordFile = Path.of(require(options, "password-file"));
        long pageCacheMb = Long.parseLong(options.getOrDefault("pagecache-mb", "512"));

        DatabaseManagementService dbms;
        try {
            String password = Files.readString(passwordFile).strip();
            if (password.length() < 8) {
                fail("the password in " + passwordFile + " must have at least 8 characters");
            }
            Files.createDirectories(dataDir);
            dbms = new DatabaseManagementServiceBuilder(dataDir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(2))
                    .setConfig(FAST_BOLT_SHUTDOWN)
                    .build();
            applyPassword(dbms, password);
        } catch (Throwable e) {
            fail(firstLine(e));
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            try {
                dbms.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        watchParent(System.in);

        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Makes the given password the neo4j user's, without a forced change. Community
     * starts with neo4j/neo4j and "change required"; setting it on every start keeps
     * the password file the single source of truth.
     */
    private static void applyPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to itself: then it is already the current one.
            if (!String.valueOf(firstLine(e)).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    /** Exits (running the shutdown hook) when the parent closes our stdin. */
    private static void watchParent(InputStream stdin) {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (stdin.read(buffer) >= 0) {
                    // Nothing is sent on stdin; reading only detects the parent going away.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as EOF.
            }
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                fail("usage: LocalNeo4j --data-dir DIR --port N --password-file FILE [--pagecache-mb N]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            fail("missing option --" + name);
        }
        return value;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static void fail(String message) {
        System.out.println("ERROR " + message);
        System.out.flush();
        System.exit(1);
    }
}
