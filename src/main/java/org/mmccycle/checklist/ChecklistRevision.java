package org.mmccycle.checklist;

import java.time.Instant;
import java.util.List;

/**
 * A revision of a client's checklist. Revision 1 comes from the template; every later one from a
 * change with a note. Only published revisions are executed.
 *
 * @param items the items in order; {@code null} in lists of revisions
 */
public record ChecklistRevision(
    String clientSlug,
    int number,
    Integer baseNumber,
    Integer templateVersion,
    String author,
    Instant createdAt,
    String changeNote,
    boolean published,
    Instant publishedAt,
    String publishedBy,
    int itemCount,
    List<RevisionItem> items) {

  ChecklistRevision withItems(List<RevisionItem> newItems) {
    return new ChecklistRevision(clientSlug, number, baseNumber, templateVersion, author, createdAt, changeNote, published,
        publishedAt, publishedBy, newItems.size(), List.copyOf(newItems));
  }
}
