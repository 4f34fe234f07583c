package org.mmccycle.archive;

/** A filed file is missing or no longer has the checksum it was filed with. */
public class ArchiveIntegrityException extends RuntimeException {

  public ArchiveIntegrityException(String message) {
    super(message);
  }
}
