package org.mmccycle.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import org.mmccycle.document.AtomicFiles;
import org.mmccycle.document.DocumentProperties;
import org.springframework.stereotype.Component;

/**
 * {@code MANIFEST.sha256} in the archive folder: every filed file and its SHA-256, in the format
 * of {@code sha256sum}, so that anyone can check a copy of the archive without the application
 * ({@code cd archive && sha256sum -c MANIFEST.sha256}). It is written from the archive index and
 * replaced atomically after each filing.
 */
@Component
public class ArchiveManifest {

  /** The manifest's file name in the archive folder. */
  public static final String FILE_NAME = "MANIFEST.sha256";

  private final Path root;
  private final ArchiveIndex index;
  private final Set<PosixFilePermission> permissions;

  public ArchiveManifest(DocumentProperties properties, ArchiveIndex index) {
    this.root = properties.archiveFolder().toAbsolutePath().normalize();
    this.index = index;
    this.permissions = properties.permissions();
  }

  /** Rewrites the manifest from the index (one writer at a time in this application). */
  public synchronized void write() {
    StringBuilder manifest = new StringBuilder();
    expected().forEach((path, sha256) -> manifest.append(sha256).append("  ").append(path).append('\n'));
    AtomicFiles.write(root.resolve(FILE_NAME), manifest.toString().getBytes(StandardCharsets.UTF_8), permissions);
  }

  /** What the index says the archive holds: relative path → SHA-256, in path order. */
  Map<String, String> expected() {
    Map<String, String> files = new TreeMap<>();
    for (ArchivedRecord record : index.all()) {
      files.put(record.pdfPath(), record.sha256Pdf());
      files.put(record.jsonPath(), record.sha256Json());
    }
    return files;
  }

  /** The manifest as written, or empty if there is none. */
  Optional<Map<String, String>> read() {
    Path file = root.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Map<String, String> entries = new TreeMap<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int gap = line.indexOf("  ");
        if (gap > 0) {
          entries.put(line.substring(gap + 2), line.substring(0, gap));
        }
      }
      return Optional.of(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }
}
