package city.hotline.infra;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import org.h2.mvstore.MVStore;

/**
 * Makes a write durable before it is acknowledged, sharing one commit among the writers that wait at once.
 *
 * <p>H2's MVStore on its own writes its file about once a second in the background, so a store killed
 * with SIGKILL lost the last second of writes it had already acknowledged; {@link KeyedH2Backend} switches
 * that writer off, and only commits made here store anything. Here each finished write takes
 * a ticket and waits until a commit that started after it has completed; whoever commits takes every
 * ticket issued before it began, so writers that arrive during a commit are served by the next one
 * together (group commit). After {@link #commit()} the data is in the file (the operating system's cache):
 * it survives the store process dying. With {@code fsync} the file is also forced to the disk, so it
 * survives a power loss; that costs a disk flush per group.
 */
final class GroupCommit {
    private static final Runnable NOTHING = () -> { };

    private final MVStore store;
    private final boolean fsync;
    /** Held while committing: no write is half done then (its document changed but not yet its index entries). */
    private final Lock noWriteInProgress;
    /** Tickets handed to writes whose changes are complete in the store's maps. */
    private final AtomicLong finished = new AtomicLong();
    /** Commits made and the time they took, read by the store's metrics from another thread. */
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private final Object lock = new Object();
    /** The last ticket whose changes are known to be in the file; guarded by {@link #lock}. */
    private long durable;

    GroupCommit(MVStore store, boolean fsync, Lock noWriteInProgress) {
        this.store = store;
        this.fsync = fsync;
        this.noWriteInProgress = noWriteInProgress;
    }

    /** Called after a write has changed the maps; returns once that change is in the file. */
    void awaitDurable() {
        long ticket = finished.incrementAndGet();
        synchronized (lock) {
            if (durable >= ticket) {
                return;
            }
            // Every ticket up to here belongs to a write that finished before this commit starts.
            long covered = finished.get();
            long start = System.nanoTime();
            noWriteInProgress.lock();
            try {
                store.commit();
            } finally {
                noWriteInProgress.unlock();
            }
            // H2 may hand the chunk to its own save threads and return before they wrote it; wait for them too.
            store.executeFilestoreOperation(NOTHING);
            if (fsync) {
                store.sync();
            }
            durable = covered;
            commitNanos.addAndGet(System.nanoTime() - start);
            commits.incrementAndGet();
        }
    }

    /** Commits completed so far; one may serve several writes. */
    long commits() {
        return commits.get();
    }

    /** Time the completed commits took (writing the chunk, and forcing it to the disk with fsync). */
    long commitNanos() {
        return commitNanos.get();
    }
}
