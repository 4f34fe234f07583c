package org.mmccycle.archive;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A filed record found by a search, with the items that matched the item criteria (none when the
 * search had no item criteria).
 *
 * @param record the index row
 * @param correctedById the version that corrects this one, or {@code null} if it is the latest
 * @param items the matching items, in the record's order
 */
public record RecordHit(@JsonUnwrapped ArchivedRecord record, Long correctedById, List<Item> items) {

  /** A filed checklist item. */
  public record Item(String device, String section, String text, String status, String note) {}
}
