package city.hotline.infra;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A store's own metrics, all read from counters it keeps anyway, so a scrape costs the writes nothing:
 * {@code hotline_store_commits_total}, {@code hotline_store_commit_seconds_count/_sum} (commits and the time they
 * took: a slow disk shows here before the services' requests slow down), {@code hotline_store_documents_written_total}
 * and {@code hotline_store_file_size_bytes}, each tagged {@code store} with the store's name.
 */
final class StoreMetrics {

    static final String TAG = "store";

    private StoreMetrics() {
    }

    static void bind(MeterRegistry registry, String store, KeyedH2Backend backend, Path file) {
        Tags tags = Tags.of(TAG, store);
        GroupCommit commits = backend.groupCommit();
        FunctionCounter.builder("hotline.store.commits", commits, GroupCommit::commits)
                .description("Commits that made writes durable; one may serve several writes")
                .tags(tags).register(registry);
        FunctionTimer.builder("hotline.store.commit", commits, GroupCommit::commits, GroupCommit::commitNanos,
                        TimeUnit.NANOSECONDS)
                .description("Time the commits took, writing to the file (and forcing it to the disk with fsync)")
                .tags(tags).register(registry);
        FunctionCounter.builder("hotline.store.documents.written", backend, KeyedH2Backend::documentsWritten)
                .description("Documents inserted, modified, upserted or deleted")
                .tags(tags).register(registry);
        Gauge.builder("hotline.store.file.size", file, StoreMetrics::size)
                .description("Size of the store's file")
                .baseUnit("bytes")
                .tags(tags).register(registry);
    }

    /** NaN (no sample) rather than a made-up size while the file cannot be read. */
    private static double size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** The store's name is its file's: intake.mv is the intake service's store. */
    static String storeName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
