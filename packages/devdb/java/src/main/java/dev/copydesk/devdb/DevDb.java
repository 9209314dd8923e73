package dev.copydesk.devdb;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the local MongoDB-wire stand-in. The Node launcher reads the single
 * "devdb ready on HOST:PORT" line from stdout, so nothing else may be written there.
 */
public final class DevDb {

    private static final String USAGE =
        "usage: java -jar devdb-standin.jar [--host 127.0.0.1] [--port 27017] "
            + "[--backend h2|memory] [--file PATH] [--ignore-stdin]";

    private DevDb() {
    }

    private record Options(String host, int port, String backend, Path file, boolean watchStdin) {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("devdb: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }

        MongoBackend backend;
        try {
            backend = createBackend(options);
        } catch (Exception e) {
            // H2 refuses a data file that another process holds open; that message is the useful part.
            System.err.println("devdb: cannot open the " + options.backend() + " backend: " + describe(e));
            System.exit(1);
            return;
        }

        MongoServer server = new MongoServer(backend);
        InetSocketAddress address;
        try {
            server.bind(options.host(), options.port());
            address = server.getLocalAddress();
        } catch (Exception e) {
            System.err.println("devdb: cannot listen on " + options.host() + ":" + options.port() + ": " + describe(e));
            closeQuietly(server);
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Closing the backend is what flushes the H2 store; a hard exit could lose the last second of writes.
            closeQuietly(server);
            stopped.countDown();
        }, "devdb-shutdown"));

        if (options.watchStdin()) {
            watchStdin();
        }

        PrintStream out = System.out;
        out.println("devdb ready on " + options.host() + ":" + address.getPort());
        out.flush();

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The launching Node process holds the write end of our stdin. When it goes away, even through
     * SIGKILL, the pipe closes and we see EOF, so the server never outlives the process that owns it.
     */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) != -1) {
                    // Input carries no meaning; only its end does.
                }
            } catch (IOException ignored) {
                // A broken pipe means the parent is gone, same as EOF.
            }
            System.exit(0);
        }, "devdb-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static MongoBackend createBackend(Options options) throws IOException {
        if ("memory".equals(options.backend())) {
            return new MemoryBackend();
        }
        Path file = options.file().toAbsolutePath().normalize();
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new H2Backend(file.toString());
    }

    private static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = 27017;
        String backend = "h2";
        Path file = null;
        boolean watchStdin = true;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = parsePort(value(args, ++i, arg));
                case "--backend" -> backend = value(args, ++i, arg);
                case "--file" -> file = Path.of(value(args, ++i, arg));
                case "--ignore-stdin" -> watchStdin = false;
                case "--help", "-h" -> {
                    System.err.println(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }

        if (!backend.equals("h2") && !backend.equals("memory")) {
            throw new IllegalArgumentException("--backend must be h2 or memory, got: " + backend);
        }
        if (backend.equals("h2") && file == null) {
            throw new IllegalArgumentException("--backend h2 needs --file PATH");
        }
        if (backend.equals("memory") && file != null) {
            throw new IllegalArgumentException("--file only applies to --backend h2");
        }
        return new Options(host, port, backend, file, watchStdin);
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be 0-65535, got: " + text);
        }
    }

    private static void closeQuietly(MongoServer server) {
        try {
            server.shutdown();
        } catch (RuntimeException e) {
            System.err.println("devdb: error during shutdown: " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
