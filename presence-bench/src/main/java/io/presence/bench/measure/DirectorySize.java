package io.presence.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** {@code du -sb} and {@code rm -rf} for a benchmark's scratch directories. */
public final class DirectorySize {

    private DirectorySize() {
    }

    /** Total size of the regular files under {@code dir}, in bytes; 0 if it does not exist. */
    public static long of(Path dir) {
        return ofFilesEndingWith(dir, "");
    }

    /** Total size of the regular files under {@code dir} whose name ends with {@code suffix}, e.g. RocksDB's {@code .sst}. */
    public static long ofFilesEndingWith(Path dir, String suffix) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix))
                    .mapToLong(DirectorySize::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir, e);
        }
    }

    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + file, e);
        }
    }
}
