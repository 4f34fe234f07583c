package org.mmccycle.web;

/** Something the caller named (a client, a revision) does not exist: 404 in our API. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
