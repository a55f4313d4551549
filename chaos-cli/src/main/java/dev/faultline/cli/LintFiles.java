package dev.faultline.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files {@code faultline lint PATH...} lints: a file named on the command line as it is
 * (whatever its name, {@code FILE#LogicalId} included), a directory walked recursively for
 * {@code *.json}, {@code *.yaml} and {@code *.yml} files that match an {@code --include} glob (when
 * any is given) and no {@code --exclude} glob. A glob without {@code /} is matched against the
 * file's name, one with {@code /} against its path relative to the directory named, with
 * {@code /} between names whatever the platform. The files of a directory come sorted by that
 * relative path, so the order never depends on the file system or on the number of threads.
 * Symbolic links to directories are not followed. An entry that cannot be visited (no permission)
 * is kept, so that reading it reports why it cannot be read.
 */
final class LintFiles {

    private final List<Glob> includes;
    private final List<Glob> excludes;

    private LintFiles(List<Glob> includes, List<Glob> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /**
     * The selection given by these globs.
     *
     * @param includes the {@code --include} globs; empty for every template file
     * @param excludes the {@code --exclude} globs
     * @return the selection
     * @throws IllegalArgumentException when a glob is not valid glob syntax
     */
    static LintFiles of(List<String> includes, List<String> excludes) {
        return new LintFiles(globs(includes), globs(excludes));
    }

    /**
     * The files to lint, in order: each path named as it is, each directory replaced by its
     * selected files sorted by relative path.
     *
     * @param paths the paths named on the command line
     * @return the files
     */
    List<Path> expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                out.addAll(walk(path));
            } else {
                out.add(path);
            }
        }
        return out;
    }

    private List<Path> walk(Path dir) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!attributes.isDirectory() && selected(dir.relativize(file))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (file.equals(dir) || selected(dir.relativize(file))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            found.add(dir);
        }
        // each file's sort key made once, not in every comparison (10,000 files: 260,000 relativize calls)
        Map<Path, String> keys = new HashMap<>(found.size() * 2);
        for (Path file : found) {
            keys.put(file, slashes(dir.relativize(file)));
        }
        found.sort(Comparator.comparing(keys::get));
        return found;
    }

    /** Tells whether a file found in a directory is linted, from its path relative to that directory. */
    boolean selected(Path relative) {
        String name = relative.getFileName() == null ? "" : relative.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml"))) {
            return false;
        }
        if (!includes.isEmpty() && includes.stream().noneMatch(g -> g.matches(relative))) {
            return false;
        }
        return excludes.stream().noneMatch(g -> g.matches(relative));
    }

    private static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static List<Glob> globs(List<String> patterns) {
        List<Glob> out = new ArrayList<>();
        for (String pattern : patterns) {
            out.add(new Glob(pattern));
        }
        return List.copyOf(out);
    }

    /** One {@code --include} or {@code --exclude} glob. */
    private static final class Glob {
        private final boolean name;
        private final PathMatcher matcher;

        Glob(String pattern) {
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("an empty glob");
            }
            this.name = !pattern.contains("/");
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        }

        boolean matches(Path relative) {
            if (name) {
                return relative.getFileName() != null && matcher.matches(relative.getFileName());
            }
            return matcher.matches(Path.of(slashes(relative)));
        }
    }
}
