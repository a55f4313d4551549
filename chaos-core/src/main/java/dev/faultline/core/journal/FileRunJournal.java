package dev.faultline.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.core.engine.RunEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A journal of JSON lines under a directory, one file per run ({@code RUN_ID.jsonl}): a header
 * line, one line per event, a line per report list. The zero-set-up journal: no dependency, no
 * server; several engines may share the directory as long as each run is written by one of
 * them at a time (the engine that started or resumed it).
 *
 * <p><b>Durability.</b> Every call writes its whole line with one {@code write} to a file
 * opened for append and closes it before returning, so the line is in the operating system
 * when the call returns: a crash of the JVM (even {@code SIGKILL}) loses at most the line being
 * written. A crash of the machine may lose lines the OS had not yet written to disk, unless
 * the journal was opened with {@link #open(Path, boolean) fsync}: then each line is forced to
 * the device before the call returns (slower: one disk flush per event).
 *
 * <p><b>Torn lines.</b> A crash in the middle of a write can leave a last line without its end.
 * The reader skips such a line with a warning; the next write to that run first cuts it off,
 * so it never ends up in the middle of a file. A damaged line elsewhere is an error naming the
 * file and line.
 *
 * <p>Listings read every run file (the journal keeps no index): fine for thousands of runs; use
 * the JDBC journal for more, or for many writers.
 */
public final class FileRunJournal implements RunJournal {

    private static final Logger LOG = LoggerFactory.getLogger(FileRunJournal.class);
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String SUFFIX = ".jsonl";

    private final Path directory;
    private final boolean fsync;
    private final Map<String, Integer> nextSequence = new ConcurrentHashMap<>();

    private FileRunJournal(Path directory, boolean fsync) {
        this.directory = directory;
        this.fsync = fsync;
    }

    /**
     * Opens (creating it when needed) a journal directory; lines reach the OS before each call
     * returns.
     *
     * @param directory the directory
     * @return the journal
     * @throws JournalException when the directory cannot be created
     */
    public static FileRunJournal open(Path directory) {
        return open(directory, false);
    }

    /**
     * Opens (creating it when needed) a journal directory.
     *
     * @param directory the directory
     * @param fsync true to force every line to the device before the call returns
     * @return the journal
     * @throws JournalException when the directory cannot be created or is a file
     */
    public static FileRunJournal open(Path directory, boolean fsync) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new JournalException("Cannot create the journal directory " + directory + ": " + e, e);
        }
        return new FileRunJournal(directory, fsync);
    }

    /**
     * The journal's directory.
     *
     * @return the directory
     */
    public Path directory() {
        return directory;
    }

    @Override
    public void begin(RunHeader header) {
        Objects.requireNonNull(header, "header");
        Path file = file(header.runId());
        synchronized (lock(header.runId())) {
            if (Files.exists(file)) {
                LOG.debug("run already journaled, header ignored runId={}", header.runId());
                return;
            }
            write(file, "{\"kind\":\"header\",\"header\":" + JournalJson.header(header) + "}\n", true);
            nextSequence.put(header.runId(), 0);
        }
    }

    @Override
    public void append(String runId, int sequence, RunEvent event) {
        Objects.requireNonNull(event, "event");
        String line = "{\"kind\":\"event\",\"sequence\":" + sequence + ",\"event\":" + JournalJson.event(event) + "}\n";
        synchronized (lock(runId)) {
            int next = next(runId);
            if (sequence < next) {
                LOG.debug("event already journaled, ignored runId={} sequence={}", runId, sequence);
                return;
            }
            if (sequence > next) {
                throw new JournalException("Run " + runId + " expects event " + next + " next, not " + sequence);
            }
            write(file(runId), line, false);
            nextSequence.put(runId, next + 1);
        }
    }

    @Override
    public void reports(String runId, List<String> files) {
        Objects.requireNonNull(files, "files");
        synchronized (lock(runId)) {
            next(runId);
            write(file(runId), "{\"kind\":\"reports\",\"files\":" + JournalJson.reports(files) + "}\n", false);
        }
    }

    @Override
    public Optional<JournaledRun> find(String runId) {
        Path file = file(runId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    @Override
    public JournalPage query(JournalQuery query) {
        Objects.requireNonNull(query, "query");
        List<RunSummary> matched = new ArrayList<>();
        for (JournaledRun run : all()) {
            RunSummary s = run.summary();
            if (query.matches(s, run.header().tags())) {
                matched.add(s);
            }
        }
        matched.sort(JournalQuery.NEWEST_FIRST);
        return JournalPage.of(matched.subList(0, Math.min(matched.size(), query.limit() + 1)), query.limit());
    }

    @Override
    public List<JournaledRun> unfinished() {
        List<JournaledRun> out = new ArrayList<>();
        for (JournaledRun run : all()) {
            if (!run.finished()) {
                out.add(run);
            }
        }
        out.sort(Comparator.comparing((JournaledRun r) -> r.header().startedAt()).thenComparing(JournaledRun::runId));
        return out;
    }

    /** Nothing to release: every call opens and closes its file. */
    @Override
    public void close() {
        nextSequence.clear();
    }

    @Override
    public String toString() {
        return "FileRunJournal[" + directory + (fsync ? ", fsync" : "") + "]";
    }

    private List<JournaledRun> all() {
        List<JournaledRun> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))::iterator) {
                try {
                    runs.add(read(f));
                } catch (JournalException e) {
                    LOG.warn("Skipping a journal file that cannot be read file={} error={}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new JournalException("Cannot list the journal directory " + directory + ": " + e, e);
        }
        return runs;
    }

    private JournaledRun read(Path file) {
        List<String> lines;
        boolean endsWithNewline;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            endsWithNewline = text.endsWith("\n");
            lines = text.lines().toList();
        } catch (NoSuchFileException e) {
            throw new JournalException("The journal file " + file + " is gone", e);
        } catch (IOException e) {
            throw new JournalException("Cannot read the journal file " + file + ": " + e, e);
        }
        RunHeader header = null;
        List<RunEvent> events = new ArrayList<>();
        List<String> reports = List.of();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line;
            try {
                line = JournalJson.tree(lines.get(i));
            } catch (JournalException e) {
                if (i == lines.size() - 1 && !endsWithNewline) {
                    LOG.warn("Skipping a torn last line (a write cut short by a crash) file={} line={}", file, i + 1);
                    break;
                }
                throw new JournalException("Damaged journal line " + file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
            String kind = line.path("kind").asText();
            try {
                if (kind.equals("header")) {
                    header = JournalJson.readHeader(line.path("header").toString());
                } else if (kind.equals("event")) {
                    events.add(JournalJson.readEvent(line.path("event").toString()));
                } else if (kind.equals("reports")) {
                    reports = JournalJson.readReports(line.path("files").toString());
                } else {
                    throw new JournalException("unknown kind '" + kind + "'");
                }
            } catch (JournalException e) {
                throw new JournalException("Damaged journal line " + file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (header == null) {
            throw new JournalException("The journal file " + file + " has no header line");
        }
        return new JournaledRun(header, events, reports);
    }

    /** The next sequence number of a run, reading (and repairing a torn end of) its file the first time. */
    private int next(String runId) {
        Integer known = nextSequence.get(runId);
        if (known != null) {
            return known;
        }
        Path file = file(runId);
        if (!Files.exists(file)) {
            throw new JournalException("Run " + runId + " was never begun in " + directory);
        }
        cutTornEnd(file);
        int count = read(file).events().size();
        nextSequence.put(runId, count);
        return count;
    }

    private void cutTornEnd(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0) {
                return;
            }
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, size - 1);
            if (one.get(0) == '\n') {
                return;
            }
            long end = size - 1;
            while (end > 0) {
                one.clear();
                ch.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            LOG.warn("Cutting off a torn last line before writing file={} bytes={}", file, size - end);
            ch.truncate(end);
        } catch (IOException e) {
            throw new JournalException("Cannot repair the journal file " + file + ": " + e, e);
        }
    }

    private void write(Path file, String line, boolean create) {
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        StandardOpenOption mode = create ? StandardOpenOption.CREATE_NEW : StandardOpenOption.APPEND;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, mode)) {
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            if (fsync) {
                ch.force(false);
            }
        } catch (IOException e) {
            throw new JournalException("Cannot write the journal file " + file + ": " + e, e);
        }
    }

    private Path file(String runId) {
        Objects.requireNonNull(runId, "runId");
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("A file journal's run id is letters, digits, '.', '_' and '-' "
                    + "(at most 128), not '" + runId + "'");
        }
        return directory.resolve(runId + SUFFIX);
    }

    private Object lock(String runId) {
        return locks.computeIfAbsent(runId, k -> new Object());
    }

    private final Map<String, Object> locks = new ConcurrentHashMap<>();
}
