package dk.trialport.infra.embedded;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs Trialport's stable analysis plugin into the unpacked distribution: lays out
 * {@code plugins/trialport-search-analysis/} with the jar and the two descriptor files the jar
 * carries, as {@code bin/elasticsearch-plugin install} would, and again whenever the jar changed.
 */
final class SearchAnalysisPlugin {

    static final String NAME = "trialport-search-analysis";

    private static final Logger log = LoggerFactory.getLogger(SearchAnalysisPlugin.class);
    /** Where the jar carries the files the node reads from the plugin directory. */
    private static final String DESCRIPTORS = "META-INF/elasticsearch-plugin/";

    private SearchAnalysisPlugin() {}

    /**
     * Installs {@code source} (the plugin jar, or its classes directory, which is jarred here) into
     * {@code distribution}, unless the same jar is installed already. The caller gives the directory
     * to the node's user afterwards.
     */
    static void install(Path source, Path distribution) {
        try {
            byte[] jar = Files.isDirectory(source) ? jarOf(source) : Files.readAllBytes(source);
            var digest = sha256(jar);
            var marker = distribution.resolve("." + NAME + ".sha256");
            var pluginDirectory = distribution.resolve("plugins").resolve(NAME);
            if (Files.isDirectory(pluginDirectory)
                    && Files.exists(marker)
                    && Files.readString(marker).equals(digest)) {
                return;
            }
            log.info("Installing the Elasticsearch plugin {} from {}", NAME, source);
            EmbeddedPlatform.deleteRecursively(pluginDirectory);
            Files.createDirectories(pluginDirectory);
            Files.write(pluginDirectory.resolve(NAME + ".jar"), jar);
            int descriptors = extractDescriptors(jar, pluginDirectory);
            if (descriptors != 2) {
                throw new IllegalStateException(
                        source + " carries " + descriptors + " of the 2 plugin descriptor files under " + DESCRIPTORS);
            }
            Files.writeString(marker, digest);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install the Elasticsearch plugin " + NAME + " from " + source, e);
        }
    }

    private static int extractDescriptors(byte[] jar, Path pluginDirectory) throws IOException {
        int count = 0;
        try (var in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                var name = entry.getName();
                if (!entry.isDirectory()
                        && name.startsWith(DESCRIPTORS)
                        && name.indexOf('/', DESCRIPTORS.length()) < 0) {
                    Files.copy(in, pluginDirectory.resolve(name.substring(DESCRIPTORS.length())));
                    count++;
                }
            }
        }
        return count;
    }

    /** A jar of a classes directory, the same bytes for the same files (sorted, no timestamps). */
    static byte[] jarOf(Path classes) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(bytes);
                var files = Files.walk(classes)) {
            for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
                var entry = new ZipEntry(classes.relativize(file).toString().replace('\\', '/'));
                entry.setTime(0);
                out.putNextEntry(entry);
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
