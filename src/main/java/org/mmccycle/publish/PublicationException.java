package org.mmccycle.publish;

/** A document could not be published (the target refused it or could not be reached). */
public class PublicationException extends RuntimeException {

  public PublicationException(String message) {
    super(message);
  }

  public PublicationException(String message, Throwable cause) {
    super(message, cause);
  }
}
