package dev.flotilla.ui.screen.export;

import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.api.Period;
import dev.flotilla.engine.api.ReportsApi;
import dev.flotilla.engine.api.Table;
import dev.flotilla.ui.fx.Loader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * File > Export…: which of the books to write (each as flotilla-WHAT.csv, exact values) and the performance report as
 * Markdown (flotilla-performance.md), over which period, into which folder. The engine reads the rows; this only writes
 * the files, off the FX thread.
 */
public final class ExportModel {

    public static final String REPORT_FILE = "flotilla-performance.md";

    private final ReportsApi reports;
    private final Loader loader;
    private final Map<ReportsApi.Export, BooleanProperty> chosen = new EnumMap<>(ReportsApi.Export.class);
    private final BooleanProperty markdown = new SimpleBooleanProperty(true);
    private final StringProperty period = new SimpleStringProperty("all");
    private final StringProperty folder = new SimpleStringProperty(System.getProperty("user.home"));
    private final StringProperty periodMessage = new SimpleStringProperty("");
    private final StringProperty folderMessage = new SimpleStringProperty("");
    private final BooleanBinding valid;

    public ExportModel(ReportsApi reports, Loader loader) {
        this.reports = reports;
        this.loader = loader;
        for (ReportsApi.Export e : ReportsApi.Export.values()) chosen.put(e, new SimpleBooleanProperty(e == ReportsApi.Export.TRADES));
        period.addListener((o, a, b) -> checkPeriod());
        folder.addListener((o, a, b) -> checkFolder());
        checkFolder();
        List<javafx.beans.Observable> deps = new ArrayList<>(chosen.values());
        deps.add(markdown);
        deps.add(periodMessage);
        deps.add(folderMessage);
        valid = Bindings.createBooleanBinding(() -> periodMessage.get().isEmpty() && folderMessage.get().isEmpty()
                && (markdown.get() || chosen.values().stream().anyMatch(BooleanProperty::get)),
                deps.toArray(javafx.beans.Observable[]::new));
    }

    private void checkPeriod() {
        try {
            Period.parse(period.get());
            periodMessage.set("");
        } catch (InvalidInputException e) {
            periodMessage.set(e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip());
        }
    }

    private void checkFolder() {
        String f = folder.get() == null ? "" : folder.get().strip();
        folderMessage.set(f.isEmpty() ? "Choose a folder" : !Files.isDirectory(Path.of(f)) ? "There is no folder " + f : "");
    }

    /** Writes the files chosen; completes with their paths, or with the failure (a file that could not be written). */
    public CompletableFuture<List<Path>> export() {
        CompletableFuture<List<Path>> done = new CompletableFuture<>();
        Period p = Period.parse(period.get());
        Path dir = Path.of(folder.get().strip());
        List<ReportsApi.Export> what = chosen.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        boolean report = markdown.get();
        loader.load(() -> {
            List<Path> files = new ArrayList<>();
            try {
                for (ReportsApi.Export e : what) {
                    Table t = reports.export(e, p);
                    Path file = dir.resolve("flotilla-" + e.label() + ".csv");
                    t.writeCsv(file);
                    files.add(file);
                }
                if (report) {
                    Path file = dir.resolve(REPORT_FILE);
                    Files.writeString(file, reports.markdown(reports.performance(p), null), StandardCharsets.UTF_8);
                    files.add(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not write into " + dir + ": " + e.getMessage(), e);
            }
            return files;
        }, done::complete, done::completeExceptionally);
        return done;
    }

    public BooleanProperty chosen(ReportsApi.Export e) { return chosen.get(e); }
    /** Whether the performance report is written as Markdown too. */
    public BooleanProperty markdown() { return markdown; }
    public StringProperty period() { return period; }
    public StringProperty folder() { return folder; }
    public StringProperty periodMessage() { return periodMessage; }
    public StringProperty folderMessage() { return folderMessage; }
    public BooleanBinding valid() { return valid; }
}
