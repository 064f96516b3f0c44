package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a data file the way an auditor would, straight from SQL, and checks that its books add up. */
final class Books {
    private Books() {
    }

    /** A trade as it happened, without the order id (a replayed decision may get a new one). */
    record Trade(String bot, String side, BigDecimal qty, BigDecimal price, BigDecimal fee, long at) {
    }

    static List<Trade> trades(Path dataDir) throws SQLException {
        try (Connection c = connect(dataDir); var st = c.createStatement();
             var rs = st.executeQuery("SELECT bot_id, side, qty, price, fee, filled_at FROM fills ORDER BY filled_at, bot_id")) {
            List<Trade> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Trade(rs.getString(1), rs.getString(2), new BigDecimal(rs.getString(3)),
                        new BigDecimal(rs.getString(4)), new BigDecimal(rs.getString(5)), rs.getLong(6)));
            }
            return out;
        }
    }

    /** What sized each filled entry (orders.sizing), in order, with its bot and time: "bot at {json}". */
    static List<String> entrySizings(Path dataDir) throws SQLException {
        try (Connection c = connect(dataDir); var st = c.createStatement();
             var rs = st.executeQuery("SELECT bot_id, created_at, sizing FROM orders WHERE purpose = 'ENTRY' AND status = 'FILLED'"
                     + " ORDER BY created_at, bot_id")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1) + " " + java.time.Instant.ofEpochMilli(rs.getLong(2)) + " " + rs.getString(3));
            return out;
        }
    }

    private static Connection connect(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("flotilla.db"));
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every check of a crash round; returns how many fills the books hold. */
    static long check(Path dataDir) throws SQLException {
        return check(dataDir, c -> {
            assertThat(count(c, "SELECT count(*) FROM paper_orders WHERE client_order_id NOT IN (SELECT client_order_id FROM orders)")).isZero();
            assertThat(count(c, "SELECT count(*) FROM fills WHERE client_order_id NOT IN (SELECT client_order_id FROM paper_orders)")).isZero();
        });
    }

    /**
     * The checks of a crash round with a live broker, which keeps no paper_orders: {@code executed} are the client ids
     * the exchange executed (filled in part or whole). A fill of anything else was invented; an order FILLED without a
     * fill, or a fill of an order not FILLED, is checked as for paper.
     */
    static long check(Path dataDir, java.util.Set<String> executed) throws SQLException {
        return check(dataDir, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT client_order_id FROM fills")) {
                while (rs.next()) assertThat(executed).as("a fill the exchange never executed").contains(rs.getString(1));
            }
        });
    }

    private interface BrokerCheck {
        void check(Connection c) throws SQLException;
    }

    private static long check(Path dataDir, BrokerCheck broker) throws SQLException {
        if (!java.nio.file.Files.exists(dataDir.resolve("flotilla.db"))) return 0;  // killed before it was created
        try (Connection c = connect(dataDir)) {
            try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            if (count(c, "SELECT count(*) FROM sqlite_master WHERE name = 'bots'") == 0) return 0;  // killed before the first commit
            // no client order id twice, at the engine or at the broker
            assertThat(count(c, "SELECT count(*) - count(DISTINCT client_order_id) FROM orders")).isZero();
            // every fill exactly once: one per broker execution, and only for filled orders
            assertThat(count(c, "SELECT count(*) - count(DISTINCT client_order_id) FROM fills")).isZero();
            broker.check(c);
            assertThat(count(c, "SELECT count(*) FROM orders o WHERE status = 'FILLED' AND NOT EXISTS (SELECT 1 FROM fills f WHERE f.client_order_id = o.client_order_id)")).isZero();
            assertThat(count(c, "SELECT count(*) FROM fills f JOIN orders o USING (client_order_id) WHERE o.status <> 'FILLED'")).isZero();
            checkLedger(c);
            return count(c, "SELECT count(*) FROM fills");
        }
    }

    /** Every order's status by client id, and each fill's price by client id: {id: [status, fill price or null]}. */
    static Map<String, String[]> orders(Path dataDir) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        if (!java.nio.file.Files.exists(dataDir.resolve("flotilla.db"))) return out;
        try (Connection c = connect(dataDir)) {
            if (count(c, "SELECT count(*) FROM sqlite_master WHERE name = 'orders'") == 0) return out;
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT o.client_order_id, o.status, f.price FROM orders o LEFT JOIN fills f USING (client_order_id)")) {
                while (rs.next()) out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }

    private static void checkLedger(Connection c) throws SQLException {
        Map<String, BigDecimal> bought = new HashMap<>();
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT bot_id, side, qty FROM fills")) {
            while (rs.next()) {
                BigDecimal q = new BigDecimal(rs.getString(3));
                bought.merge(rs.getString(1), rs.getString(2).equals("BUY") ? q : q.negate(), BigDecimal::add);
            }
        }
        String sql = """
                SELECT b.id, b.capital, a.cash, a.realized_pnl, a.fees, p.qty, p.entry_price
                FROM bots b JOIN accounts a ON a.bot_id = b.id
                LEFT JOIN positions p ON p.bot_id = b.id AND p.status = 'OPEN'""";
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String bot = rs.getString(1);
                BigDecimal held = rs.getString(6) == null ? BigDecimal.ZERO : new BigDecimal(rs.getString(6));
                BigDecimal cost = rs.getString(6) == null ? BigDecimal.ZERO : held.multiply(new BigDecimal(rs.getString(7)));
                // the position equals the sum of its fills
                assertThat(held).as(bot + " position").isEqualByComparingTo(bought.getOrDefault(bot, BigDecimal.ZERO));
                // the account equals capital plus realized PnL minus fees, less what the open position cost
                BigDecimal expected = new BigDecimal(rs.getString(2)).add(new BigDecimal(rs.getString(4)))
                        .subtract(new BigDecimal(rs.getString(5))).subtract(cost);
                assertThat(new BigDecimal(rs.getString(3))).as(bot + " cash").isEqualByComparingTo(expected);
            }
        }
    }
}
