package org.mmccycle.document;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where documents go ({@code mmc.documents.*} in application.yaml).
 *
 * @param publishFolder published checklists, one sub-folder per client
 * @param archiveFolder filed visit records
 * @param archiveLayout how the archive is laid out: {@code by-month} or {@code by-client}
 * @param filePermissions the permissions of published and filed files, as {@code ls -l} shows them
 *     ({@code rw-r-----}: the owner writes, its group reads, a synced or shared folder's reader among them)
 */
@ConfigurationProperties("mmc.documents")
public record DocumentProperties(
    Path publishFolder, Path archiveFolder, @DefaultValue("by-month") ArchiveLayout archiveLayout,
    @DefaultValue("rw-r-----") String filePermissions) {

  @ConstructorBinding
  public DocumentProperties {
    permissions(filePermissions);
  }

  /** The same folders and layout, with the default permissions. */
  public DocumentProperties(Path publishFolder, Path archiveFolder, ArchiveLayout archiveLayout) {
    this(publishFolder, archiveFolder, archiveLayout, "rw-r-----");
  }

  /** The files' permissions; the owner always reads and writes its own files. */
  public Set<PosixFilePermission> permissions() {
    return permissions(filePermissions);
  }

  private static Set<PosixFilePermission> permissions(String text) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = PosixFilePermissions.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mmc.documents.file-permissions must be written like rw-r----- (not '" + text + "')");
    }
    if (!permissions.contains(PosixFilePermission.OWNER_READ) || !permissions.contains(PosixFilePermission.OWNER_WRITE)) {
      throw new IllegalArgumentException("mmc.documents.file-permissions must let the owner read and write (rw-……), not '" + text + "'");
    }
    return permissions;
  }

  /** The archive's folder layout. */
  public enum ArchiveLayout {
    /** {@code archive/2026-11/<client>.pdf} */
    BY_MONTH,
    /** {@code archive/<client>/2026-11.pdf} */
    BY_CLIENT
  }
}
