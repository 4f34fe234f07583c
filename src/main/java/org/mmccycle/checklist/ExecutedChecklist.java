package org.mmccycle.checklist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mmccycle.validation.Texts;

/**
 * The rules an executed checklist meets, whoever submits it (the Execute form in Tasklist, a script
 * over /engine-rest): the items the cycle was prepared with, each exactly once and as it was written
 * (device, section, text), each answered done, issue or not applicable, every issue with a note, and
 * notes of a sane length and without control characters.
 */
public final class ExecutedChecklist {

  public static final List<String> STATUSES = List.of(ChecklistItem.DONE, ChecklistItem.ISSUE, ChecklistItem.NOT_APPLICABLE);

  private ExecutedChecklist() {}

  /** What is wrong with the submitted items against the prepared ones, each naming its item; empty when nothing is. */
  public static List<String> problems(List<ChecklistItem> prepared, List<ChecklistItem> submitted) {
    List<String> problems = new ArrayList<>();
    Map<String, ChecklistItem> expected = new HashMap<>();
    prepared.forEach(item -> expected.put(item.id(), item));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < submitted.size(); i++) {
      ChecklistItem item = submitted.get(i);
      if (item == null || item.id() == null) {
        problems.add("row " + (i + 1) + " has no item id");
        continue;
      }
      ChecklistItem original = expected.get(item.id());
      if (original == null) {
        problems.add("item '" + abbreviate(item.id()) + "' is not on this cycle's checklist");
        continue;
      }
      if (!seen.add(item.id())) {
        problems.add(name(original) + " is listed twice");
        continue;
      }
      if (!Objects.equals(original.device(), item.device()) || !Objects.equals(original.section(), item.section())
          || !Objects.equals(original.text(), item.text())) {
        problems.add(name(original) + " was changed: the device, section and text are the checklist's (suggest changes for the revision instead)");
      }
      if (item.status() == null || item.status().isBlank()) {
        problems.add(name(original) + " has no answer: done, issue or na");
      } else if (!STATUSES.contains(item.status())) {
        problems.add(name(original) + ": status '" + abbreviate(item.status()) + "' is not one of done, issue, na");
      }
      if (Boolean.TRUE.equals(item.markedInBulk()) && !ChecklistItem.DONE.equals(item.status())) {
        problems.add(name(original) + " is marked in bulk but not done: only \"mark the open items done\" marks in bulk");
      }
      String note = item.note() == null ? "" : item.note();
      if (ChecklistItem.ISSUE.equals(item.status()) && note.isBlank()) {
        problems.add(name(original) + " has an issue but no note: say what is wrong");
      }
      if (note.length() > Texts.NOTE_MAX) {
        problems.add(name(original) + ": the note has " + note.length() + " characters, at most " + Texts.NOTE_MAX);
      } else {
        String characters = Texts.controlCharacterProblem(note, true);
        if (characters != null) {
          problems.add(name(original) + ": the note " + characters);
        }
      }
    }
    for (ChecklistItem item : prepared) {
      if (!seen.contains(item.id())) {
        problems.add(name(item) + " is missing: every item of the checklist is answered");
      }
    }
    return problems;
  }

  private static String name(ChecklistItem item) {
    return "item '" + item.id() + "' (" + item.device() + " / " + item.section() + ": " + abbreviate(item.text()) + ")";
  }

  private static String abbreviate(String text) {
    String visible = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    return visible.length() > 60 ? visible.substring(0, 60) + "…" : visible;
  }
}
