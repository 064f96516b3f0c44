package dev.flotilla.engine.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs every test of the class twice: on SQLite, then on the tests' PostgreSQL server. Fixtures open their store
 * with {@link TestStores#open}; a test that relies on something only SQLite has is marked {@link SqliteOnly}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(BothStores.class)
public @interface OnBothStores {
}
