package org.mmccycle.checklist;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed between two revisions of a client's checklist, item by item id: added, removed,
 * reworded (new text), moved (another device, section or place in the order) and rescheduled
 * (another frequency, due months or on-site rule).
 */
public record ChecklistDiff(
    String clientSlug,
    int from,
    int to,
    List<RevisionItem> added,
    List<RevisionItem> removed,
    List<Reworded> reworded,
    List<Moved> moved,
    List<Rescheduled> rescheduled) {

  /** An item whose text changed. */
  public record Reworded(String id, String before, String after) {}

  /** An item now on another device, in another section, or elsewhere in the order. */
  public record Moved(String id, String text, String fromDevice, String fromSection, int fromPosition,
      String toDevice, String toSection, int toPosition) {}

  /** An item due at other times, or now (not) needing a visit on site. */
  public record Rescheduled(String id, String text, String before, String after) {}

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && reworded.isEmpty() && moved.isEmpty() && rescheduled.isEmpty();
  }

  /** One changed item in a sentence: what happened to it ("Added", "Reworded", …) and to what, as plain text. */
  public record Change(String kind, String text) {}

  /** "Revision 3 against the published revision 2: 1 added, 1 reworded …", or that nothing changed. */
  @JsonProperty("summary")
  public String summary() {
    if (isEmpty()) {
      return "Revision " + to + " has the same items as the published revision " + from + ".";
    }
    return "Revision " + to + " against the published revision " + from + ": " + added.size() + " added, " + reworded.size()
        + " reworded, " + moved.size() + " moved, " + rescheduled.size() + " rescheduled, " + removed.size() + " removed.";
  }

  /** Each changed item in a sentence, added first and removed last: how Publish and the cycle board say it. */
  @JsonProperty("changes")
  public List<Change> changes() {
    List<Change> changes = new ArrayList<>();
    added.forEach(item -> changes.add(new Change("Added", where(item.device(), item.section()) + ": " + item.text())));
    reworded.forEach(item -> changes.add(new Change("Reworded", item.before() + " → " + item.after())));
    moved.forEach(item -> changes.add(new Change("Moved", item.text() + ": " + where(item.fromDevice(), item.fromSection()) + " #"
        + item.fromPosition() + " → " + where(item.toDevice(), item.toSection()) + " #" + item.toPosition())));
    rescheduled.forEach(item -> changes.add(new Change("Rescheduled", item.text() + ": " + item.before() + " → " + item.after())));
    removed.forEach(item -> changes.add(new Change("Removed", where(item.device(), item.section()) + ": " + item.text())));
    return changes;
  }

  private static String where(String device, String section) {
    return device + " / " + section;
  }

  /**
   * The change as the approver reads it in Publish (Markdown): the summary, then "- **Added** SRV01 /
   * Backups: …", one line per changed item. Item texts are escaped, so a text never turns into a link or
   * emphasis.
   */
  public String describe() {
    if (isEmpty()) {
      return summary();
    }
    List<String> lines = new ArrayList<>(List.of(summary(), ""));
    changes().forEach(change -> lines.add("- **" + change.kind() + "** " + markdown(change.text())));
    return String.join("\n", lines);
  }

  /** Text shown as itself in Markdown: its markup characters escaped, its line breaks as spaces. */
  static String markdown(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").replaceAll("([\\\\`*_\\[\\]<>|~])", "\\\\$1");
  }

  /** The difference from {@code before} to {@code after}; items are matched by id. */
  static ChecklistDiff between(String clientSlug, int from, List<RevisionItem> before, int to, List<RevisionItem> after) {
    Map<String, Integer> oldIndex = index(before);
    Map<String, Integer> newIndex = index(after);
    List<RevisionItem> added = after.stream().filter(i -> !oldIndex.containsKey(i.id())).toList();
    List<RevisionItem> removed = before.stream().filter(i -> !newIndex.containsKey(i.id())).toList();

    // kept items in their new order; those outside the longest run that kept its old order moved
    List<RevisionItem> kept = after.stream().filter(i -> oldIndex.containsKey(i.id())).toList();
    Set<String> inOrder = longestIncreasingRun(kept.stream().map(i -> oldIndex.get(i.id())).toList()).stream()
        .map(k -> kept.get(k).id()).collect(Collectors.toSet());

    List<Reworded> reworded = new ArrayList<>();
    List<Moved> moved = new ArrayList<>();
    List<Rescheduled> rescheduled = new ArrayList<>();
    for (RevisionItem now : kept) {
      RevisionItem was = before.get(oldIndex.get(now.id()));
      if (!Objects.equals(was.text(), now.text())) {
        reworded.add(new Reworded(now.id(), was.text(), now.text()));
      }
      if (!Objects.equals(was.device(), now.device()) || !Objects.equals(was.section(), now.section()) || !inOrder.contains(now.id())) {
        moved.add(new Moved(now.id(), now.text(), was.device(), was.section(), oldIndex.get(now.id()) + 1,
            now.device(), now.section(), newIndex.get(now.id()) + 1));
      }
      String whenBefore = when(was);
      String whenNow = when(now);
      if (!whenBefore.equals(whenNow)) {
        rescheduled.add(new Rescheduled(now.id(), now.text(), whenBefore, whenNow));
      }
    }
    return new ChecklistDiff(clientSlug, from, to, added, removed, reworded, moved, rescheduled);
  }

  private static String when(RevisionItem item) {
    return item.recurrence() + (item.isOnSiteRequired() ? ", on site" : "");
  }

  private static Map<String, Integer> index(List<RevisionItem> items) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      index.put(items.get(i).id(), i);
    }
    return index;
  }

  /** Indexes into {@code values} of one longest strictly increasing subsequence (O(n log n)). */
  static List<Integer> longestIncreasingRun(List<Integer> values) {
    int n = values.size();
    int[] tailIndex = new int[n];
    int[] previous = new int[n];
    int length = 0;
    for (int i = 0; i < n; i++) {
      int lo = 0;
      int hi = length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (values.get(tailIndex[mid]) < values.get(i)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
      tailIndex[lo] = i;
      if (lo == length) {
        length++;
      }
    }
    List<Integer> run = new ArrayList<>();
    for (int k = length == 0 ? -1 : tailIndex[length - 1]; k >= 0; k = previous[k]) {
      run.add(0, k);
    }
    return run;
  }
}
