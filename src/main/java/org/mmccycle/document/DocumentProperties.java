package org.mmccycle.document;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where documents go ({@code mmc.documents.*} in application.yaml).
 *
 * @param publishFolder published checklists, one sub-folder per client
 * @param archiveFolder filed visit records
 * @param archiveLayout how the archive is laid out: {@code by-month} or {@code by-client}
 */
@ConfigurationProperties("mmc.documents")
public record DocumentProperties(
    Path publishFolder, Path archiveFolder, @DefaultValue("by-month") ArchiveLayout archiveLayout) {

  /** The archive's folder layout. */
  public enum ArchiveLayout {
    /** {@code archive/2026-11/<client>.pdf} */
    BY_MONTH,
    /** {@code archive/<client>/2026-11.pdf} */
    BY_CLIENT
  }
}
