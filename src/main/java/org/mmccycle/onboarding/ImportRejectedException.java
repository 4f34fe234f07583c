package org.mmccycle.onboarding;

import java.util.List;
import org.mmccycle.web.RejectedInputException;

/** An import with bad lines: nothing of it was stored. Each problem names its line. */
public class ImportRejectedException extends RejectedInputException {

  public ImportRejectedException(List<String> problems) {
    super("nothing was imported: " + problems.size() + " problem(s): " + String.join("; ", problems.subList(0, Math.min(20, problems.size())))
        + (problems.size() > 20 ? "; …" : ""), problems);
  }
}
