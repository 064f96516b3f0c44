package dev.flotilla.engine.store;

import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.store.jooq.tables.records.BotsRecord;
import dev.flotilla.engine.store.jooq.tables.records.FillsRecord;
import dev.flotilla.engine.store.jooq.tables.records.OrdersRecord;
import dev.flotilla.engine.store.jooq.tables.records.PositionsRecord;

/** Stored rows as the model's values: the one place a table's columns become a record of the engine. */
final class Rows {

    private Rows() {
    }

    static BotSpec spec(BotsRecord r) {
        return new BotSpec(r.getId(), r.getStrategy(), Symbol.parse(r.getSymbol()), Timeframe.parse(r.getTimeframe()),
                Json.params(r.getParams()), Num.dec(r.getCapital()));
    }

    static Position position(PositionsRecord r) {
        return new Position(r.getId(), r.getBotId(), Symbol.parse(r.getSymbol()), Num.dec(r.getQty()),
                Num.dec(r.getEntryPrice()), Num.dec(r.getEntryFee()), Num.dec(r.getStopPrice()),
                Num.dec(r.getHighestPrice()), r.getOpenedAt(), r.getEntryOrder());
    }

    static Order order(OrdersRecord r) {
        return new Order(r.getClientOrderId(), r.getBotId(), Symbol.parse(r.getSymbol()), Side.valueOf(r.getSide()),
                Num.dec(r.getQty()), Num.dec(r.getRefPrice()), Num.dec(r.getStopPrice()), r.getPurpose(), OrderStatus.valueOf(r.getStatus()),
                r.getTickClose(), r.getCreatedAt(), r.getUpdatedAt(), r.getReason());
    }

    static Fill fill(FillsRecord r) {
        return new Fill(r.getClientOrderId(), r.getBotId(), Symbol.parse(r.getSymbol()), Side.valueOf(r.getSide()),
                Num.dec(r.getQty()), Num.dec(r.getPrice()), Num.dec(r.getFee()), r.getFilledAt());
    }

    static ClosedTrade closedTrade(PositionsRecord r) {
        return new ClosedTrade(r.getBotId(), Symbol.parse(r.getSymbol()), Num.dec(r.getQty()), Num.dec(r.getEntryPrice()),
                Num.dec(r.getExitPrice()), Num.dec(r.getRealizedPnl()), r.getOpenedAt(), r.getClosedAt(), r.getExitReason(),
                Num.dec(r.getEntryFee()).add(Num.dec(r.getExitFee())));
    }
}
