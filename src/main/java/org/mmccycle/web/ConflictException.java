package org.mmccycle.web;

/**
 * The request is well-formed but clashes with what is stored (a slug that is taken, a revision
 * based on one that is no longer the latest): 409 in our API.
 */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
