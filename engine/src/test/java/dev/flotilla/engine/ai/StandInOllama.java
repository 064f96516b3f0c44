package dev.flotilla.engine.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for an Ollama server: {@code /api/tags} answers, {@code /api/chat} answers with whatever content
 * the test sets (a JSON decision, garbage), optionally after a delay. The requests it got are kept.
 */
public final class StandInOllama implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private volatile String content = "{\"decision\":\"approve\",\"factor\":1,\"reason\":\"fine\"}";
    private volatile String rawBody;
    private volatile long delayMs;
    private volatile String[] turns;
    private final AtomicInteger asked = new AtomicInteger();
    public final List<String> chats = new CopyOnWriteArrayList<>();
    public final AtomicInteger tags = new AtomicInteger();

    public StandInOllama() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/tags", ex -> {
            tags.incrementAndGet();
            reply(ex, 200, "{\"models\":[{\"name\":\"stand-in\"}]}");
        });
        server.createContext("/api/chat", ex -> {
            chats.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                if (delayMs > 0) Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String[] t = turns;
            String said = t == null ? content : t[Math.floorMod(asked.getAndIncrement(), t.length)];
            String body = rawBody != null ? rawBody : MAPPER.createObjectNode().put("model", "stand-in").put("done", true)
                    .set("message", MAPPER.createObjectNode().put("role", "assistant").put("content", said)).toString();
            try {
                reply(ex, 200, body);
            } catch (IOException e) {
                // the client gave up waiting
            }
        });
        server.start();
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (var out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StandInOllama answers(String decision, double factor, String reason) {
        content = decision(decision, factor, reason);
        turns = null;
        rawBody = null;
        return this;
    }

    /** Answers each question with the next of these contents in turn. */
    public StandInOllama answersInTurn(String... contents) {
        turns = contents.clone();
        rawBody = null;
        return this;
    }

    /** A decision as the model writes it. */
    public static String decision(String decision, double factor, String reason) {
        return "{\"decision\":\"" + decision + "\",\"factor\":" + factor + ",\"reason\":\"" + reason + "\"}";
    }

    /** The model's content as given, e.g. not JSON at all. */
    public StandInOllama answersContent(String text) {
        content = text;
        rawBody = null;
        return this;
    }

    /** The whole reply body as given, e.g. not a chat reply. */
    public StandInOllama repliesBody(String body) {
        rawBody = body;
        return this;
    }

    public StandInOllama slow(long ms) {
        delayMs = ms;
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A URL on this machine where nothing listens. */
    public static String down() throws IOException {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }
}
