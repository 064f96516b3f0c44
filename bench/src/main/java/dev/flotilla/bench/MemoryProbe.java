package dev.flotilla.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.flotilla.app.Main;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The app's own command line in a JVM of its own, reporting afterwards what it cost: the peak of the heap in use (the
 * heap just before each collection, and at the end) and the peak resident size the kernel saw (VmHWM). The parent
 * reads the last line.
 */
public final class MemoryProbe {

    static final String PREFIX = "memory-probe:";

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        AtomicLong peakHeap = peakHeap();
        long start = System.nanoTime();
        int status = Main.run(args, System.out, System.err);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        peakHeap.accumulateAndGet(heap.getUsed(), Math::max);
        ChildJvm.report(PREFIX, "status=" + status + " wallMs=" + wallMs + " heapPeak=" + peakHeap.get()
                + " heapCommitted=" + heap.getCommitted() + " vmHWMkB=" + status("VmHWM") + " vmRSSkB=" + status("VmRSS"));
        System.exit(status);
    }

    /** The peak of the heap in use from now on: the heap just before each collection, as collections report it. */
    static AtomicLong peakHeap() {
        AtomicLong peak = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                long used = info.getMemoryUsageBeforeGc().entrySet().stream().filter(e -> isHeap(e.getKey()))
                        .mapToLong(e -> e.getValue().getUsed()).sum();
                peak.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        return peak;
    }

    private static boolean isHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
    }

    /** A field of /proc/self/status in kB, or -1 where there is no /proc. */
    static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }
}
