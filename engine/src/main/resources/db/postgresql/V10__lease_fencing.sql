-- Fencing in the database (decision 0032, issue 17). On a session that says it is an engine node (the setting
-- flotilla.node, set by the node as it connects), every write of a bot's books must come under a lease the node holds
-- now, unexpired by the database's clock, with the fencing number the node took it under (the session's own table
-- flotilla_fences, kept by the node in the same transactions that take, keep and give back its leases). Otherwise the
-- statement fails with SQLSTATE FL001 and its transaction is refused: a node whose lease passed commits nothing of
-- that bot, whatever its code does. The lease's row is share-locked until the write commits, so a hand-over waits for
-- it. A session that is not a node (the one app that holds the database alone) is not checked. PostgreSQL only: a
-- SQLite file has one process and one writer (its db/migration has no V10; Flyway keeps the two folders apart).
CREATE FUNCTION flotilla_fence() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    me  TEXT := current_setting('flotilla.node', true);
    bot TEXT;
BEGIN
    IF me IS NULL OR me = '' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    bot := CASE WHEN TG_OP = 'DELETE' THEN OLD.bot_id ELSE NEW.bot_id END;
    PERFORM 1 FROM bot_leases l JOIN pg_temp.flotilla_fences f ON f.bot_id = l.bot_id
     WHERE l.bot_id = bot AND l.node = me AND l.fence = f.fence
       AND l.expires_at > (extract(epoch from clock_timestamp()) * 1000)::bigint
       FOR SHARE OF l;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'node % holds no lease of bot % under its fencing number: the write was refused', me, bot
            USING ERRCODE = 'FL001';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

-- the same trigger on each table of a bot's books, named after it (bot_state_fence, accounts_fence, ...)
DO $do$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['bot_state', 'accounts', 'positions', 'orders', 'fills', 'paper_orders', 'paper_balances',
                             'ledger_adjustments'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION flotilla_fence()',
                       t || '_fence', t);
    END LOOP;
END $do$;
