package dev.flotilla.engine.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test of a class {@link OnBothStores} that holds for PostgreSQL only (a server's lost connection): says why. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PostgresOnly {
    String value();
}
