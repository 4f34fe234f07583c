package org.mmccycle.publish;

/**
 * Where published checklists go, so that technicians find them for the next visit, chosen by
 * {@code mmc.documents.publish-target}: {@code folder} (the default, {@link FolderPublicationTarget})
 * or {@code webdav} ({@link WebDavPublicationTarget}).
 */
public interface PublicationTarget {

  /**
   * Publishes {@code content} as {@code fileName} for the client, replacing an earlier file of
   * that name.
   *
   * @return where it was published (a path or URL), to show to people and keep in the process
   */
  String publish(String clientSlug, String fileName, byte[] content);
}
