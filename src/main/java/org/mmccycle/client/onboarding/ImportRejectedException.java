package org.mmccycle.client.onboarding;

import java.util.List;

/** An import with bad lines: nothing of it was stored. Each problem names its line. */
public class ImportRejectedException extends IllegalArgumentException {

  private final List<String> problems;

  public ImportRejectedException(List<String> problems) {
    super("nothing was imported: " + problems.size() + " problem(s): " + String.join("; ", problems.subList(0, Math.min(20, problems.size())))
        + (problems.size() > 20 ? "; …" : ""));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
