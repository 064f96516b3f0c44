package dev.flotilla.engine.store;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The extension behind {@link OnBothStores}: one run of the class per {@link TestStores.Backend}. */
final class BothStores implements ClassTemplateInvocationContextProvider, ExecutionCondition {

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(TestStores.Backend.values()).map(Run::new);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        SqliteOnly only = context.getTestMethod().map(m -> m.getAnnotation(SqliteOnly.class)).orElse(null);
        if (only != null && TestStores.backend() != TestStores.Backend.SQLITE) {
            return ConditionEvaluationResult.disabled("SQLite only: " + only.value());
        }
        PostgresOnly server = context.getTestMethod().map(m -> m.getAnnotation(PostgresOnly.class)).orElse(null);
        if (server != null && TestStores.backend() != TestStores.Backend.POSTGRESQL) {
            return ConditionEvaluationResult.disabled("PostgreSQL only: " + server.value());
        }
        return ConditionEvaluationResult.enabled("runs on " + TestStores.backend());
    }

    private record Run(TestStores.Backend backend) implements ClassTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return backend.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public void prepareInvocation(ExtensionContext context) {
            TestStores.use(backend);
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            // the class's other tests, and classes after it, are back on SQLite
            return List.of((AfterAllCallback) c -> TestStores.use(TestStores.Backend.SQLITE));
        }
    }
}
