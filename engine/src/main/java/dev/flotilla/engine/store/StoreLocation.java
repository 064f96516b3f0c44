package dev.flotilla.engine.store;

import java.nio.file.Path;

/**
 * Where the store lives: the SQLite file of a data folder, or a PostgreSQL server. The dialect follows from it; the
 * repository code above is the same for both. A server's password is kept only to connect: nothing that describes a
 * location (its {@code toString}, {@link #describe}) holds it.
 */
public sealed interface StoreLocation {

    /** The data folder's own file, {@value Database#FILE_NAME}. */
    static StoreLocation folder(Path dataDir) {
        return new Folder(dataDir);
    }

    /**
     * A PostgreSQL server from {@code postgresql://host:port/db?user=..&password=..} (also {@code jdbc:postgresql://},
     * {@code postgres://} and {@code user:password@host}); a bad address is an {@link IllegalArgumentException} whose
     * message never holds the password.
     */
    static StoreLocation server(String url) {
        return ServerUrl.parse(url);
    }

    /** What a log line or a message says about the location: a file's path, a server's address without password. */
    String describe();

    /** A data folder's SQLite file. */
    record Folder(Path dataDir) implements StoreLocation {
        public Path file() {
            return dataDir.resolve(Database.FILE_NAME);
        }

        @Override
        public String describe() {
            return file().toString();
        }
    }

    /**
     * A PostgreSQL database.
     *
     * @param jdbcUrl  the JDBC address without credentials, e.g. {@code jdbc:postgresql://db:5432/flotilla}
     * @param user     the role to connect as, or null for the driver's default
     * @param password null for none; never printed
     */
    record Server(String jdbcUrl, String user, String password) implements StoreLocation {
        @Override
        public String describe() {
            return jdbcUrl.substring("jdbc:".length()) + (user == null ? "" : " as " + user);
        }

        /** {@code text} with the password, should it appear in it (a driver's message, say), masked. */
        public String scrub(String text) {
            if (text == null || password == null || password.isEmpty()) return text;
            return text.replace(password, "***");
        }

        @Override
        public String toString() {
            return "Server[" + describe() + (password == null ? "" : ", password ***") + "]";
        }
    }
}
