package org.mmccycle.checklist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.mmccycle.validation.PlainText;
import org.mmccycle.validation.Texts;

/**
 * One item of a revision of a client's checklist: what to check on which device, and when.
 * This is also the row the Revise form edits ({@code revisedItems}).
 *
 * @param id stable across revisions: {@code <device-slug>/<item-key>}; empty for a new item (one is made)
 * @param device the device's name, or {@code Site}
 * @param deviceKind the device kind's label (Server, Printer, …) or {@code Site}
 * @param section the section's title
 * @param text what to check or do
 * @param frequency MONTHLY (the default), QUARTERLY or YEARLY
 * @param dueMonths the months (1–12) the item is due in; empty: anchored at the revision's month
 * @param onSiteRequired the item can only be done on site
 */
public record RevisionItem(
    @Size(max = 200) @PlainText String id,
    @NotBlank @Size(max = 100) @PlainText String device,
    @Size(max = 32) @PlainText String deviceKind,
    @NotBlank @Size(max = Texts.NAME_MAX) @PlainText String section,
    @NotBlank @Size(max = Texts.TEXT_MAX) @PlainText(multiline = true) String text,
    Frequency frequency,
    @Size(max = 12) List<@NotNull @Min(1) @Max(12) Integer> dueMonths,
    Boolean onSiteRequired) {

  public RevisionItem {
    dueMonths = dueMonths == null ? null : List.copyOf(dueMonths);
  }

  public Recurrence recurrence() {
    return new Recurrence(frequency, dueMonths);
  }

  public boolean isOnSiteRequired() {
    return Boolean.TRUE.equals(onSiteRequired);
  }

  /** The row of the Execute form, with no result yet. */
  public ChecklistItem toChecklistItem() {
    return new ChecklistItem(id, device, deviceKind, section, text, null, null);
  }

  RevisionItem withId(String newId) {
    return new RevisionItem(newId, device, deviceKind, section, text, frequency, dueMonths, onSiteRequired);
  }
}
