package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The classes a cold start loads from the jar can go into the command line's class-data-sharing
 * archive and spin nothing when they first run (docs/performance.md, "Cold start"). Two build
 * settings make it so, and this test fails when either is lost:
 * <ul>
 *   <li>picocli comes from chaos-picocli, compiled for Java 17: the published picocli jar is
 *       compiled for Java 5 (class file version 49), which JDK 17's archive refuses;</li>
 *   <li>every module is compiled with {@code -XDstringConcat=inline}, so no class of Faultline or
 *       picocli bootstraps string concatenation through {@code StringConcatFactory}, whose method
 *       handles are spun at run time.</li>
 * </ul>
 * Not timed: it reads the class files on this test's class path.
 */
class ArchivableClassesTest {

    private static final byte[] CONCAT_BOOTSTRAP = "makeConcatWithConstants".getBytes(StandardCharsets.US_ASCII);

    @Test
    void picocli_isCompiledForJava17() throws IOException {
        List<ClassFile> picocli = classFiles("picocli/");

        assertThat(picocli.size()).as("picocli classes on the class path").isGreaterThan(150);
        assertThat(picocli).filteredOn(file -> file.majorVersion() < 61).map(ClassFile::name)
                .as("picocli classes compiled for a Java older than 17 (CommandLine comes from %s)", location(CommandLine.class))
                .isEmpty();
    }

    @Test
    void noFaultlineOrPicocliClass_spinsStringConcatenationAtRunTime() throws IOException {
        List<ClassFile> classes = new ArrayList<>(classFiles("dev/faultline/"));
        classes.addAll(classFiles("picocli/"));

        assertThat(classes.size()).as("main classes of Faultline and picocli").isGreaterThan(700);
        assertThat(classes).filteredOn(ClassFile::bootstrapsStringConcatenation).map(ClassFile::name)
                .as("classes compiled without -XDstringConcat=inline").isEmpty();
    }

    /** A class file's name and bytes. */
    private record ClassFile(String name, byte[] bytes) {

        int majorVersion() {
            return ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        }

        /** True when the constant pool names StringConcatFactory's bootstrap method. */
        boolean bootstrapsStringConcatenation() {
            outer:
            for (int i = 0; i + CONCAT_BOOTSTRAP.length <= bytes.length; i++) {
                for (int j = 0; j < CONCAT_BOOTSTRAP.length; j++) {
                    if (bytes[i + j] != CONCAT_BOOTSTRAP[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    /** The main (not test) class files under a package prefix, from every class path entry. */
    private static List<ClassFile> classFiles(String prefix) throws IOException {
        List<ClassFile> files = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) && !path.getFileName().toString().equals("test-classes")) {
                Path root = path.resolve(prefix);
                if (Files.isDirectory(root)) {
                    try (Stream<Path> walk = Files.walk(root)) {
                        walk.filter(file -> file.toString().endsWith(".class"))
                                .forEach(file -> files.add(new ClassFile(path.relativize(file).toString(), read(file))));
                    }
                }
            } else if (entry.endsWith(".jar") && !entry.endsWith("-tests.jar") && Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry jarEntry = entries.nextElement();
                        if (jarEntry.getName().startsWith(prefix) && jarEntry.getName().endsWith(".class")) {
                            try (InputStream in = jar.getInputStream(jarEntry)) {
                                files.add(new ClassFile(jarEntry.getName(), in.readAllBytes()));
                            }
                        }
                    }
                }
            }
        }
        return files;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(Class<?> type) {
        return String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
    }
}
