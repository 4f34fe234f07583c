package org.mmccycle.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChecklistDiffTest {

  private static RevisionItem item(String id, String section, String text) {
    return new RevisionItem(id, "SRV01", "Server", section, text, Frequency.MONTHLY, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), false);
  }

  @Test
  void findsAddedRemovedRewordedMovedAndRescheduledItems() {
    var a = item("srv01/a", "Backups", "Check the backup log on C:");
    var b = item("srv01/b", "Backups", "Rotate the tapes");
    var c = item("srv01/c", "Health", "Look at the lights");
    var d = item("srv01/d", "Health", "Test the UPS");
    var before = List.of(a, b, c, d);
    var reworded = new RevisionItem(a.id(), a.device(), a.deviceKind(), a.section(), "Check the backup log on D:", a.frequency(), a.dueMonths(), false);
    var quarterly = new RevisionItem(b.id(), b.device(), b.deviceKind(), b.section(), b.text(), Frequency.QUARTERLY, List.of(1, 4, 7, 10), false);
    var added = item("srv01/e", "Health", "Check the new printer");
    var after = List.of(reworded, d, quarterly, added); // c removed, d moved before b

    ChecklistDiff diff = ChecklistDiff.between("x", 1, before, 2, after);

    assertThat(diff.added()).extracting(RevisionItem::id).containsExactly("srv01/e");
    assertThat(diff.removed()).extracting(RevisionItem::id).containsExactly("srv01/c");
    assertThat(diff.reworded()).extracting(ChecklistDiff.Reworded::after).containsExactly("Check the backup log on D:");
    assertThat(diff.moved()).extracting(ChecklistDiff.Moved::id).containsExactly("srv01/d");
    assertThat(diff.rescheduled()).extracting(ChecklistDiff.Rescheduled::after).containsExactly("quarterly in months 1,4,7,10");
    assertThat(ChecklistDiff.between("x", 1, before, 1, before).isEmpty()).isTrue();
  }
}
