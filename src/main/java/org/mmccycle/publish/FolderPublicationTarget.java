package org.mmccycle.publish;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.mmccycle.document.AtomicFiles;
import org.mmccycle.document.DocumentProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Publishes to {@code mmc.documents.publish-folder}/{@code <client-slug>}/{@code <file name>}
 * (a plain folder, or one synced to SharePoint/OneDrive). Files appear atomically; slug and file
 * name are reduced to safe names, so nothing is written outside the folder. The default target
 * ({@code mmc.documents.publish-target: folder}).
 */
@Component
@ConditionalOnProperty(name = "mmc.documents.publish-target", havingValue = "folder", matchIfMissing = true)
public class FolderPublicationTarget implements PublicationTarget {

  private final Path folder;
  private final Set<PosixFilePermission> permissions;

  public FolderPublicationTarget(DocumentProperties properties) {
    this.folder = properties.publishFolder();
    this.permissions = properties.permissions();
  }

  @Override
  public String publish(String clientSlug, String fileName, byte[] content) {
    Path target = AtomicFiles.resolveSafely(folder, clientSlug, fileName);
    AtomicFiles.write(target, content, permissions);
    return target.toString();
  }
}
