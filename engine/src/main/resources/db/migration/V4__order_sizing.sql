-- For an entry: what sized it, as a JSON object written with the order when it is committed PENDING (the bot's
-- cash and cap, the intended quantity, the consecutive-loss cooldown, the correlation sizer's value and factor,
-- and the exposure by symbol it saw), so a decision can be checked after the fact and across a restart.
ALTER TABLE orders ADD COLUMN sizing TEXT;
