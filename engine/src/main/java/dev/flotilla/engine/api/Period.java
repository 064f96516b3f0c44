package dev.flotilla.engine.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A period of engine time (UTC) a report or an export covers: the last 7 or 30 days, the year to date, all of it, or
 * the days FROM..TO (both included). Relative periods end at the engine's present, which for a sandbox is not the wall
 * clock's.
 *
 * @param text as the trader wrote it: 7d, 30d, ytd, all or 2026-01-01..2026-01-31
 */
public record Period(String text) {

    /** The choices a picker offers; FROM..TO is written out. */
    public static final List<String> CHOICES = List.of("7d", "30d", "ytd", "all");
    public static final Period ALL = new Period("all");

    private static final long DAY = 86_400_000L;

    public Period {
        text = text == null ? "" : text.trim();
    }

    /** The period, checked. */
    public static Period parse(String text) {
        Period p = new Period(text);
        p.range(0, 0);
        return p;
    }

    /**
     * Its instants: from (included) to to (excluded).
     *
     * @param now      the engine's present
     * @param earliest the first instant the books hold (where "all" begins)
     * @throws InvalidInputException naming what is allowed when the text is not a period
     */
    public Range range(long now, long earliest) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.equals("all")) return new Range(Math.min(earliest, now), now + 1);
        if (t.equals("ytd")) {
            int year = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).getYear();
            return new Range(LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), now + 1);
        }
        if (t.matches("[1-9][0-9]{0,3}d")) return new Range(now + 1 - Long.parseLong(t.substring(0, t.length() - 1)) * DAY, now + 1);
        int dots = t.indexOf("..");
        if (dots > 0) {
            try {
                long from = day(t.substring(0, dots));
                long to = day(t.substring(dots + 2)) + DAY;
                if (to <= from) throw refused("the period's last day " + t.substring(dots + 2) + " comes before its first");
                return new Range(from, to);
            } catch (DateTimeParseException e) {
                throw refused("'" + text + "' has a day that is not a date like 2026-01-31");
            }
        }
        throw refused("'" + text + "' is not a period");
    }

    private static long day(String s) {
        return LocalDate.parse(s.trim()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static InvalidInputException refused(String why) {
        return new InvalidInputException("period", "period: " + why + "; use 7d, 30d (any number of days), ytd, all or"
                + " FROM..TO as 2026-01-01..2026-01-31", null);
    }

    /** Instants from {@code from} (included) to {@code to} (excluded), epoch ms. */
    public record Range(long from, long to) {
        public boolean contains(long t) {
            return t >= from && t < to;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
