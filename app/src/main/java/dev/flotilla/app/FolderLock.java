package dev.flotilla.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The data folder's lock, {@code DATA/flotilla.lock}: held by the running app (and by {@code flotilla fleet apply} while
 * it changes a stopped folder), so two programs never trade the same books. An exclusive lock of the operating system
 * (java.nio), which goes with its process however that ends; the file itself stays, holding the last holder's pid.
 */
final class FolderLock implements AutoCloseable {

    static final String FILE = "flotilla.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock (making the folder if need be), or empty when another program holds it. */
    static Optional<FolderLock> tryTake(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel ch = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            l = null;
        }
        if (l == null) {
            ch.close();
            return Optional.empty();
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
        return Optional.of(new FolderLock(ch, l));
    }

    /** "process 1234", the holder as its lock file names it, or "another program" where it cannot be read. */
    static String holder(Path dataDir) {
        try {
            String pid = Files.readString(dataDir.resolve(FILE), StandardCharsets.US_ASCII).strip();
            return pid.matches("[0-9]+") ? "process " + pid : "another program";
        } catch (IOException | RuntimeException e) {
            return "another program";
        }
    }

    /** The one line a second app on the same folder is refused with. */
    static String inUse(Path dataDir) {
        return "the data folder " + dataDir + " is in use by another Flotilla (" + holder(dataDir) + "); stop it first or use "
                + "another --data-dir (to change the running fleet, use flotilla fleet apply FILE)";
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel, and the channel with the process
        }
    }
}
