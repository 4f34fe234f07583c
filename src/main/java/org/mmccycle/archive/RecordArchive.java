package org.mmccycle.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.mmccycle.document.AtomicFiles;
import org.mmccycle.document.DocumentProperties;
import org.mmccycle.document.DocumentProperties.ArchiveLayout;
import org.mmccycle.document.VisitRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files completed visit records, a PDF and its JSON side by side, laid out by month
 * ({@code archive/2026-11/<client>.pdf}) or by client ({@code archive/<client>/2026-11.pdf}), and
 * indexes them in the database.
 *
 * <p>The archive is write-once. The files are written first, each atomically and never over an
 * existing file; then the index row, in the caller's transaction. Filing the same record again (a
 * job the engine ran twice, or re-ran after a rollback) finds the identical files and row and
 * returns them. Filing a different record for the same client and month is a correction: a new
 * version ({@code <name>.v2.pdf}) whose row points to the version it corrects; nothing filed is
 * ever replaced. After the transaction commits, {@code MANIFEST.sha256} is rewritten.
 */
@Service
public class RecordArchive {

  private static final Logger LOG = LoggerFactory.getLogger(RecordArchive.class);
  private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
  private static final int MAX_VERSIONS = 1000;

  private final Path root;
  private final ArchiveLayout layout;
  private final ArchiveIndex index;
  private final ArchiveManifest manifest;
  private final Set<PosixFilePermission> permissions;

  public RecordArchive(DocumentProperties properties, ArchiveIndex index, ArchiveManifest manifest) {
    this.root = properties.archiveFolder().toAbsolutePath().normalize();
    this.layout = properties.archiveLayout();
    this.permissions = properties.permissions();
    this.index = index;
    this.manifest = manifest;
  }

  /**
   * Files a record, or finds it filed already.
   *
   * @param record the record (client, month, items, who filed it and when go into the index)
   * @param pdf the rendered record
   * @param json the record's data
   * @throws IllegalArgumentException if the month is not {@code yyyy-MM} or the slug is unusable
   */
  @Transactional
  public FiledRecord file(VisitRecord record, byte[] pdf, String json) {
    String month = record.cycleMonth();
    if (month == null || !MONTH.matcher(month).matches()) {
      throw new IllegalArgumentException("Cycle month must be yyyy-MM: " + month);
    }
    Objects.requireNonNull(pdf, "pdf");
    byte[] data = Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8);
    String pdfHash = Sha256.of(pdf);
    String jsonHash = Sha256.of(data);
    var same = index.findSame(record.clientSlug(), month, pdfHash, jsonHash);
    if (same.isPresent()) {
      return filed(same.get());
    }
    Set<Integer> indexed = index.versions(record.clientSlug(), month);
    Path base = switch (layout) {
      case BY_MONTH -> AtomicFiles.resolveSafely(root, month, record.clientSlug());
      case BY_CLIENT -> AtomicFiles.resolveSafely(root, record.clientSlug(), month);
    };
    for (int version = 1; version <= MAX_VERSIONS; version++) {
      String name = base.getFileName() + (version == 1 ? "" : ".v" + version);
      Path pdfPath = base.resolveSibling(name + ".pdf");
      Path jsonPath = base.resolveSibling(name + ".json");
      // a version is ours if no row claims it and each file is absent or already holds our content
      // (a filing whose transaction rolled back, or that was interrupted between the two files)
      if (!indexed.contains(version)
          && absentOrSame(jsonPath, data) && absentOrSame(pdfPath, pdf)
          && writtenOrSame(jsonPath, data) && writtenOrSame(pdfPath, pdf)) {
        Long previous = index.latest(record.clientSlug(), month).map(ArchivedRecord::id).orElse(null);
        var row = new ArchivedRecord(0, record.clientSlug(), record.clientName(), month, version, previous,
            relative(pdfPath), relative(jsonPath), pdfHash, jsonHash, record.filedAt(),
            Objects.requireNonNullElse(record.filedBy(), "unknown"));
        long id = index.insert(row, record.items());
        rewriteManifestAfterCommit();
        return new FiledRecord(id, pdfPath, jsonPath, version, previous);
      }
    }
    throw new IllegalStateException("More than " + MAX_VERSIONS + " versions of " + base);
  }

  /** A filed file, by its path relative to the archive folder, never outside it. */
  Path resolve(String relativePath) {
    Path path = root.resolve(relativePath).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      throw new IllegalArgumentException("Path escapes the archive: " + relativePath);
    }
    return path;
  }

  Path root() {
    return root;
  }

  private FiledRecord filed(ArchivedRecord row) {
    return new FiledRecord(row.id(), resolve(row.pdfPath()), resolve(row.jsonPath()), row.version(),
        row.previousVersionId());
  }

  private String relative(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private void rewriteManifestAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      rewriteManifest();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        rewriteManifest();
      }
    });
  }

  private void rewriteManifest() {
    try {
      manifest.write();
    } catch (RuntimeException e) {
      // the record is filed and indexed; the verifier reports the stale manifest, the next filing rewrites it
      LOG.warn("Could not rewrite {}: {}", ArchiveManifest.FILE_NAME, e.getMessage());
    }
  }

  private static boolean absentOrSame(Path path, byte[] content) {
    return !Files.exists(path) || Arrays.equals(read(path), content);
  }

  private boolean writtenOrSame(Path path, byte[] content) {
    return AtomicFiles.writeIfAbsent(path, content, permissions) || Arrays.equals(read(path), content);
  }

  static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
  }
}
