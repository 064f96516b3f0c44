package dev.flotilla.engine.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parses a PostgreSQL address into a {@link StoreLocation.Server}; every message leaves the password out. */
final class ServerUrl {

    private ServerUrl() {
    }

    static StoreLocation.Server parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("no database address given");
        String t = text.strip();
        String rest;
        if (t.startsWith("jdbc:postgresql://")) rest = t.substring("jdbc:postgresql://".length());
        else if (t.startsWith("postgresql://")) rest = t.substring("postgresql://".length());
        else if (t.startsWith("postgres://")) rest = t.substring("postgres://".length());
        else throw new IllegalArgumentException("not a PostgreSQL address: " + masked(t)
                + " (expected postgresql://host:port/database?user=NAME&password=SECRET)");
        URI uri;
        try {
            uri = new URI("postgresql://" + rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a PostgreSQL address: " + masked(t));
        }
        String host = uri.getHost();
        String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (host == null || host.isBlank() || db.isBlank() || db.contains("/")) {
            throw new IllegalArgumentException("a PostgreSQL address needs a host and a database, as in "
                    + "postgresql://localhost:5432/flotilla; got " + masked(t));
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] up = uri.getRawUserInfo().split(":", 2);
            user = decode(up[0]);
            if (up.length == 2) password = decode(up[1]);
        }
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) continue;
                String[] kv = pair.split("=", 2);
                String key = decode(kv[0]);
                String value = kv.length == 2 ? decode(kv[1]) : "";
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> {
                        if (key.toLowerCase(java.util.Locale.ROOT).contains("password")) {
                            throw new IllegalArgumentException("the database address may hold one password, as password=...; "
                                    + key + " is not supported");
                        }
                        if (!key.matches("[A-Za-z][A-Za-z0-9]*")) {
                            throw new IllegalArgumentException("not a connection option in the database address: " + key);
                        }
                        kept.add(pair);
                    }
                }
            }
        }
        String jdbc = "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host)
                + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/" + db
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new StoreLocation.Server(jdbc, user == null || user.isEmpty() ? null : user, password);
    }

    /** The address as given with its password, in either place, replaced by {@code ***}. */
    static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("(//[^/:@]*:)[^/@]*@", "$1***@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
