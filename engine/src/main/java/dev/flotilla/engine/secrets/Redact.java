package dev.flotilla.engine.secrets;

import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Takes secrets out of a text before it goes into a message: a failing tool's error output, or a library's exception
 * message, could quote what it was given. Every secret is removed whole, and so is every piece of it of eight
 * characters or more (a line of a PEM key, a value inside the JSON the keychain holds), so a partial echo is caught too.
 */
final class Redact {

    static final String MASK = "****";
    private static final int MIN_PIECE = 8;
    private static final int MAX_LENGTH = 300;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\"{}:,\\[\\]]+|\\\\n");

    private Redact() {
    }

    /** {@code text} without any of {@code secrets}, on one line and at most 300 characters. */
    static String of(String text, String... secrets) {
        if (text == null) return "";
        String out = text;
        String[] pieces = Arrays.stream(secrets).filter(s -> s != null && s.length() >= 4)
                .flatMap(s -> Stream.concat(Stream.of(s), Arrays.stream(SEPARATORS.split(s)).filter(p -> p.length() >= MIN_PIECE)))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);
        for (String p : pieces) out = out.replace(p, MASK);
        out = out.strip().replaceAll("\\s*\\R\\s*", " / ");
        return out.length() <= MAX_LENGTH ? out : out.substring(0, MAX_LENGTH) + "…";
    }
}
