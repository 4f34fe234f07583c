package org.mmccycle.document;

/** A document could not be rendered to PDF (a template, font or FOP failure). */
public class DocumentRenderingException extends RuntimeException {

  public DocumentRenderingException(String message, Throwable cause) {
    super(message, cause);
  }
}
