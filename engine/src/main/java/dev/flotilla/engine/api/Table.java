package dev.flotilla.engine.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells under a header row, written as CSV (UTF-8, comma-separated, a header row, RFC 4180 quoting),
 * as Markdown or as aligned plain text. Exports put exact values in the cells ({@link #cell}): decimals as
 * {@link BigDecimal#toPlainString()}, times as UTC ISO-8601; reports put the values as a trader reads them.
 *
 * @param name what the rows are, e.g. "trades" (an export's file is named after it)
 */
public record Table(String name, List<String> headers, List<List<String>> rows) {

    public Table {
        headers = List.copyOf(headers);
        int columns = headers.size();
        rows = rows.stream().map(r -> {
            if (r.size() != columns) throw new IllegalArgumentException("a row of " + r.size() + " cells under " + columns + " headers");
            return List.copyOf(r);
        }).toList();
    }

    /**
     * An exact cell: empty for null or a non-finite number, a decimal as plain digits (no exponent), an {@link Instant}
     * in UTC ISO-8601, anything else as its text.
     */
    public static String cell(Object v) {
        return switch (v) {
            case null -> "";
            case BigDecimal d -> d.toPlainString();
            case Double d -> Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : "";
            case Float f -> cell(f.doubleValue());
            case Instant t -> t.toString();
            default -> v.toString();
        };
    }

    /** An engine time (epoch ms) in UTC ISO-8601, e.g. 2026-01-05T13:15:00Z; empty for null. */
    public static String time(Long epochMs) {
        return epochMs == null ? "" : Instant.ofEpochMilli(epochMs).toString();
    }

    /** A fraction as a report prints it, 0.123 as 12.3%; "-" when it does not exist. */
    public static String percent(double d) {
        return Double.isFinite(d) ? String.format(java.util.Locale.ROOT, "%.1f%%", d * 100) : "-";
    }

    /** A ratio as a report prints it, two decimals; "-" when it does not exist. */
    public static String ratio(double d) {
        return Double.isFinite(d) ? String.format(java.util.Locale.ROOT, "%.2f", d) : "-";
    }

    public String csv() {
        StringBuilder out = new StringBuilder();
        line(out, headers);
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    public void writeCsv(Path file) throws IOException {
        Files.writeString(file, csv(), StandardCharsets.UTF_8);
    }

    /** The rows of a CSV as {@link #csv()} writes it, header first: for reading an export back. */
    public static List<List<String>> parseCsv(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                out.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            out.add(row);
        }
        return out;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append('\n');
    }

    /** A Markdown table; the first {@code textColumns} columns align left, the others (numbers) right. */
    public String markdown(int textColumns) {
        StringBuilder out = new StringBuilder("| ").append(String.join(" | ", headers)).append(" |\n|");
        for (int i = 0; i < headers.size(); i++) out.append(i < textColumns ? " --- |" : " ---: |");
        out.append('\n');
        for (List<String> r : rows) out.append("| ").append(String.join(" | ", r)).append(" |\n");
        return out.toString();
    }

    /**
     * Aligned plain text with a rule under the header; the first {@code textColumns} columns align left, the others
     * right; {@code ruleBeforeLast} sets the last row (a total) apart.
     */
    public String text(int textColumns, boolean ruleBeforeLast) {
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        int[] width = new int[headers.size()];
        for (List<String> r : all) for (int i = 0; i < r.size(); i++) width[i] = Math.max(width[i], r.get(i).length());
        int total = 2 * (width.length - 1);
        for (int w : width) total += w;
        String rule = "-".repeat(total);
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < all.size(); r++) {
            if (ruleBeforeLast && r == all.size() - 1 && r > 1) out.append(rule).append('\n');
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                if (i > 0) line.append("  ");
                String s = all.get(r).get(i);
                String pad = " ".repeat(width[i] - s.length());
                line.append(i < textColumns ? s + pad : pad + s);
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) out.append(rule).append('\n');
        }
        return out.toString();
    }
}
