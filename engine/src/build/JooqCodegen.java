import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Build step: migrates a throwaway SQLite file with the project's Flyway migrations, then generates
 * the jOOQ classes from it. The migrations stay the only source of the schema.
 * Arguments: migrationDir dbFile outputDir package.
 */
public class JooqCodegen {
    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path db = Path.of(args[1]);
        Path out = Path.of(args[2]);
        String pkg = args[3];
        Files.createDirectories(db.getParent());
        Files.deleteIfExists(db);
        String url = "jdbc:sqlite:" + db.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null)
                .locations("filesystem:" + migrations.toAbsolutePath())
                .load().migrate();
        GenerationTool.generate(new Configuration()
                .withLogging(org.jooq.meta.jaxb.Logging.WARN)
                .withJdbc(new Jdbc().withDriver("org.sqlite.JDBC").withUrl(url))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.sqlite.SQLiteDatabase")
                                .withIncludes(".*")
                                .withExcludes("flyway_schema_history|sqlite_.*")
                                // SQLite INTEGER is 64-bit (epoch ms) and REAL is a double
                                .withForcedTypes(
                                        new ForcedType().withName("BIGINT").withIncludeTypes("INTEGER"),
                                        new ForcedType().withName("DOUBLE").withIncludeTypes("REAL")))
                        .withGenerate(new Generate().withRecords(true).withPojos(false).withDaos(false)
                                .withJavaTimeTypes(true).withGeneratedAnnotation(false))
                        .withTarget(new Target().withPackageName(pkg).withDirectory(out.toAbsolutePath().toString())
                                .withClean(true))));
    }
}
