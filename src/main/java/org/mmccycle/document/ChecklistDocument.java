package org.mmccycle.document;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mmccycle.checklist.ChecklistItem;

/**
 * A client's checklist revision as published for the next visit: printed with empty boxes for the
 * status and room for notes.
 *
 * @param clientSlug the client's slug
 * @param clientName the client's display name
 * @param cycleMonth the month the checklist is for, {@code yyyy-MM}
 * @param revision the checklist's revision number
 * @param changeNote what changed in this revision, or {@code null}
 * @param publishedAt when the revision was published
 * @param items the checklist's items, in order (status and note are ignored)
 */
public record ChecklistDocument(
    String clientSlug,
    String clientName,
    String cycleMonth,
    int revision,
    String changeNote,
    Instant publishedAt,
    List<ChecklistItem> items) {

  public ChecklistDocument {
    Objects.requireNonNull(clientSlug, "clientSlug");
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(cycleMonth, "cycleMonth");
    Objects.requireNonNull(publishedAt, "publishedAt");
    items = List.copyOf(items);
  }
}
