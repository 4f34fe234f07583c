package org.mmccycle.publish;

/**
 * Where published checklists go, so that technicians find them for the next visit. The folder
 * target is the default; a WebDAV (SharePoint) target can implement the same contract.
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
