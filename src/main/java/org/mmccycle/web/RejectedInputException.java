package org.mmccycle.web;

import java.util.List;

/** Input refused as a whole, with each problem named (a 400 whose {@code problems} lists them): nothing of it was stored. */
public class RejectedInputException extends IllegalArgumentException {

  private final List<String> problems;

  public RejectedInputException(String message, List<String> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
