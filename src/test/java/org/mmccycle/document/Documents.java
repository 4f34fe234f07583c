package org.mmccycle.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mmccycle.checklist.ChecklistItem;

/** Test data: checklists and visit records of a given size. */
final class Documents {

  static final Instant EXECUTED = Instant.parse("2026-11-05T09:30:00Z");
  static final Instant FILED = Instant.parse("2026-11-20T14:00:00Z");

  private Documents() {}

  /** {@code count} items over five devices with two sections each; every 7th is an issue, every 11th n/a. */
  static List<ChecklistItem> items(int count) {
    List<ChecklistItem> items = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      int device = (i - 1) * 5 / count;
      String status = i % 7 == 0 ? ChecklistItem.ISSUE : i % 11 == 0 ? ChecklistItem.NOT_APPLICABLE : ChecklistItem.DONE;
      items.add(new ChecklistItem(
          "dev" + device + "/item-" + i,
          "Device " + device,
          device == 0 ? "Server" : "Printer",
          i % 2 == 0 ? "Backups and restore test" : "Logs and disks",
          "Check item number " + i,
          status,
          status.equals(ChecklistItem.ISSUE) ? "Problem noted at item " + i : null));
    }
    return items;
  }

  static VisitRecord record(String clientName, List<ChecklistItem> items) {
    return new VisitRecord("acme", clientName, "2026-11", "on-site", "Tina Technician", EXECUTED,
        items, "Logs moved from C: to D:", "Log path updated", "Sam Manager", FILED, List.of());
  }

  static ChecklistDocument checklist(String clientName, List<ChecklistItem> items) {
    return new ChecklistDocument("acme", clientName, "2026-12", 4, "New printer added", FILED, items);
  }
}
