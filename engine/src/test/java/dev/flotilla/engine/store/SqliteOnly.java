package dev.flotilla.engine.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test of a class {@link OnBothStores} that holds for SQLite only (a page limit, a damaged file): says why. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SqliteOnly {
    String value();
}
