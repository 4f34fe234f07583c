package org.mmccycle.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import org.mmccycle.document.AtomicFiles;
import org.mmccycle.document.DocumentProperties;
import org.mmccycle.document.DocumentProperties.ArchiveLayout;
import org.springframework.stereotype.Service;

/**
 * Files completed visit records, a PDF and its JSON side by side, laid out by month
 * ({@code archive/2026-11/<client>.pdf}) or by client ({@code archive/<client>/2026-11.pdf}).
 *
 * <p>The archive is write-once. Filing the same record again (a job the engine ran twice) finds
 * the identical files and returns them; filing a different record for the same client and month
 * adds a new version ({@code <name>.v2.pdf}) and never replaces what was filed.
 */
@Service
public class RecordArchive {

  private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
  private static final int MAX_VERSIONS = 1000;

  private final Path folder;
  private final ArchiveLayout layout;

  public RecordArchive(DocumentProperties properties) {
    this.folder = properties.archiveFolder();
    this.layout = properties.archiveLayout();
  }

  /**
   * Files a record, or finds it filed already.
   *
   * @param cycleMonth {@code yyyy-MM}
   * @throws IllegalArgumentException if the month is not {@code yyyy-MM} or the slug is unusable
   */
  public FiledRecord file(String clientSlug, String cycleMonth, byte[] pdf, String json) {
    if (cycleMonth == null || !MONTH.matcher(cycleMonth).matches()) {
      throw new IllegalArgumentException("Cycle month must be yyyy-MM: " + cycleMonth);
    }
    Objects.requireNonNull(pdf, "pdf");
    byte[] data = Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8);
    Path base = switch (layout) {
      case BY_MONTH -> AtomicFiles.resolveSafely(folder, cycleMonth, clientSlug);
      case BY_CLIENT -> AtomicFiles.resolveSafely(folder, clientSlug, cycleMonth);
    };
    for (int version = 1; version <= MAX_VERSIONS; version++) {
      String name = base.getFileName() + (version == 1 ? "" : ".v" + version);
      Path pdfPath = base.resolveSibling(name + ".pdf");
      Path jsonPath = base.resolveSibling(name + ".json");
      // a version is ours if each file is absent or already holds our content (a repeat, or a
      // repeat of a filing interrupted between the two files)
      if (absentOrSame(jsonPath, data) && absentOrSame(pdfPath, pdf)
          && writtenOrSame(jsonPath, data) && writtenOrSame(pdfPath, pdf)) {
        return new FiledRecord(pdfPath, jsonPath, version);
      }
    }
    throw new IllegalStateException("More than " + MAX_VERSIONS + " versions of " + base);
  }

  private static boolean absentOrSame(Path path, byte[] content) {
    return !Files.exists(path) || Arrays.equals(read(path), content);
  }

  private static boolean writtenOrSame(Path path, byte[] content) {
    return AtomicFiles.writeIfAbsent(path, content) || Arrays.equals(read(path), content);
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
  }
}
