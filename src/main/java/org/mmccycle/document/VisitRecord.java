package org.mmccycle.document;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mmccycle.checklist.ChecklistItem;

/**
 * A completed visit as it is filed: what was checked, with which result, and who signed it off.
 *
 * @param clientSlug the client's slug
 * @param clientName the client's display name
 * @param cycleMonth the cycle's month, {@code yyyy-MM}
 * @param visitMode {@code on-site} or {@code remote}
 * @param executedBy the technician who executed the checklist
 * @param executedAt when the checklist was executed
 * @param items the checklist items with their status and note
 * @param revisionSuggestions what the technician proposed to change, or {@code null}
 * @param changeNote the resulting revision's change note, or {@code null}
 * @param filedBy who confirmed the filing
 * @param filedAt when the record was filed
 * @param notes what people wrote along the cycle: the sign-off note, follow-ups of issues, what was done
 *     about a missed deadline
 */
public record VisitRecord(
    String clientSlug,
    String clientName,
    String cycleMonth,
    String visitMode,
    String executedBy,
    Instant executedAt,
    List<ChecklistItem> items,
    String revisionSuggestions,
    String changeNote,
    String filedBy,
    Instant filedAt,
    List<Note> notes) {

  /**
   * A note a person wrote in the cycle.
   *
   * @param kind {@code filing}, {@code follow-up} or {@code overdue}
   * @param job the job it is about ({@code execute}, …), or null
   */
  public record Note(String kind, String job, String writtenBy, Instant writtenAt, String text) {}

  public VisitRecord {
    Objects.requireNonNull(clientSlug, "clientSlug");
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(cycleMonth, "cycleMonth");
    Objects.requireNonNull(filedAt, "filedAt");
    items = List.copyOf(items);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }
}
