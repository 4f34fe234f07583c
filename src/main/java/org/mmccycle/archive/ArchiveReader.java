package org.mmccycle.archive;

import java.nio.file.Files;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads filed PDFs back, and only hands them out while they still match their checksum. */
@Service
public class ArchiveReader {

  /**
   * A filed PDF.
   *
   * @param fileName a name to save it under ({@code acme-2026-11-v1.pdf})
   * @param content the PDF
   * @param sha256 its SHA-256, as filed
   */
  public record FiledPdf(String fileName, byte[] content, String sha256) {}

  private final RecordArchive archive;
  private final ArchiveIndex index;

  public ArchiveReader(RecordArchive archive, ArchiveIndex index) {
    this.archive = archive;
    this.index = index;
  }

  /**
   * The PDF of a filed version, or empty if the index has no such version.
   *
   * @throws ArchiveIntegrityException if the file is missing or was changed since it was filed
   */
  public Optional<FiledPdf> pdf(long id) {
    return index.find(id).map(record -> {
      var file = archive.resolve(record.pdfPath());
      if (!Files.isRegularFile(file)) {
        throw new ArchiveIntegrityException("The filed PDF of record " + id + " is missing: " + record.pdfPath());
      }
      byte[] content = RecordArchive.read(file);
      if (!Sha256.of(content).equals(record.sha256Pdf())) {
        throw new ArchiveIntegrityException("The filed PDF of record " + id + " was changed since it was filed: "
            + record.pdfPath());
      }
      String name = record.clientSlug() + "-" + record.cycleMonth() + "-v" + record.version() + ".pdf";
      return new FiledPdf(name, content, record.sha256Pdf());
    });
  }
}
