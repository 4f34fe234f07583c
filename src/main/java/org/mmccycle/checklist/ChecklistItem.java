package org.mmccycle.checklist;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a client's checklist for one device, as the technician sees it in the Execute form
 * and as it is filed. {@code status} and {@code note} are empty until the visit is executed.
 *
 * @param id stable within the client's checklist: {@code <device-slug>/<item-key>}
 * @param device the device's name, or {@code Site} for items about the client as a whole
 * @param deviceKind the device kind's label (Server, Printer, ...), or {@code Site}
 * @param section the template section's title (Backups and restore test, ...)
 * @param text what to check or do
 * @param status {@code done}, {@code issue} or {@code na} once executed
 * @param note what the technician wrote
 * @param markedInBulk true when the item was set Done with its section's "mark the open items done", not
 *     ticked one by one (the filed record says so); absent otherwise
 */
public record ChecklistItem(
    String id, String device, String deviceKind, String section, String text, String status, String note,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean markedInBulk) {

  /** An item without a bulk mark (as prepared, or ticked one by one). */
  public ChecklistItem(String id, String device, String deviceKind, String section, String text, String status, String note) {
    this(id, device, deviceKind, section, text, status, note, null);
  }

  public static final String DONE = "done";
  public static final String ISSUE = "issue";
  public static final String NOT_APPLICABLE = "na";

  public ChecklistItem withResult(String status, String note) {
    return new ChecklistItem(id, device, deviceKind, section, text, status, note);
  }
}
