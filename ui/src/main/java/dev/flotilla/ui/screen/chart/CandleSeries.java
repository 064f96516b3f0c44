package dev.flotilla.ui.screen.chart;

import dev.flotilla.engine.model.Candle;
import io.fair_acc.dataset.spi.financial.api.attrs.AttributeModel;
import io.fair_acc.dataset.spi.financial.api.ohlcv.IOhlcv;
import io.fair_acc.dataset.spi.financial.api.ohlcv.IOhlcvItem;
import java.util.Date;
import java.util.Iterator;
import java.util.List;

/** The engine's candles as ChartFX's OHLCV data: an immutable list, replaced whole on each update. */
final class CandleSeries implements IOhlcv {

    private final List<Item> items;
    private AttributeModel addon;

    CandleSeries(List<Candle> candles) {
        this.items = candles.stream().map(Item::new).toList();
    }

    @Override
    public IOhlcvItem getOhlcvItem(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public AttributeModel getAddon() {
        return addon;
    }

    @Override
    public AttributeModel getAddonOrCreate() {
        if (addon == null) addon = new AttributeModel();
        return addon;
    }

    @Override
    public Iterator<IOhlcvItem> iterator() {
        return items.stream().map(IOhlcvItem.class::cast).iterator();
    }

    private record Item(Candle c) implements IOhlcvItem {
        @Override
        public Date getTimeStamp() {
            return new Date(c.openTime());
        }

        @Override
        public double getOpen() {
            return c.open();
        }

        @Override
        public double getHigh() {
            return c.high();
        }

        @Override
        public double getLow() {
            return c.low();
        }

        @Override
        public double getClose() {
            return c.close();
        }

        @Override
        public double getVolume() {
            return c.volume();
        }

        @Override
        public double getOpenInterest() {
            return 0;
        }

        @Override
        public AttributeModel getAddon() {
            return null;
        }

        @Override
        public AttributeModel getAddonOrCreate() {
            return new AttributeModel();
        }
    }
}
