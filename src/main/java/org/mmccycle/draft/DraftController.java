package org.mmccycle.draft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import org.mmccycle.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A task form's draft, saved as its user works ({@code /api/tasks/{taskId}/draft}): the Execute form
 * saves every answer, note and choice here a moment after it is made and restores them when it opens,
 * on any device, after a reload or a restart. The draft is the form's own JSON object; it is not checked
 * against the task's rules (the completion is, where the engine takes it) and is removed when the task
 * is completed. Whoever may work on the task may read and replace its draft ({@link TaskAccess}).
 */
@RestController
public class DraftController {

  /** 112 items with a full note each stay well under this; a draft beyond it is refused, not cut. */
  static final int MAX_CHARS = 512 * 1024;

  /** What GET answers: the form's draft with who saved it last and when. */
  public record SavedDraft(String taskId, String savedBy, Instant savedAt, JsonNode draft) {}

  /** What PUT answers. */
  public record Saved(String taskId, Instant savedAt) {}

  private final TaskDrafts drafts;
  private final TaskAccess access;
  private final ObjectMapper json;
  private final Clock clock;

  public DraftController(TaskDrafts drafts, TaskAccess access, ObjectMapper json, Clock clock) {
    this.drafts = drafts;
    this.access = access;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/api/tasks/{taskId}/draft")
  public SavedDraft draft(@PathVariable String taskId) throws JsonProcessingException {
    String task = access.requireMayWorkOn(taskId).taskName();
    TaskDrafts.Draft draft = drafts.find(taskId)
        .orElseThrow(() -> new NotFoundException("'" + task + "' has no draft: nothing has been entered yet"));
    return new SavedDraft(taskId, draft.savedBy(), draft.savedAt(), json.readTree(draft.body()));
  }

  @PutMapping(value = "/api/tasks/{taskId}/draft", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Saved save(@PathVariable String taskId, @RequestBody String body) {
    TaskAccess.Caller caller = access.requireMayWorkOn(taskId);
    if (body.length() > MAX_CHARS) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
          "a draft may have at most " + MAX_CHARS + " characters; this one has " + body.length());
    }
    JsonNode draft;
    try {
      draft = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the draft is not valid JSON: " + e.getOriginalMessage());
    }
    if (draft == null || !draft.isObject()) {
      throw new IllegalArgumentException("a draft is a JSON object (the form's fields), not " + (draft == null ? "nothing" : draft.getNodeType()));
    }
    Instant now = clock.instant();
    drafts.save(taskId, caller.userId(), now, draft.toString());
    return new Saved(taskId, now);
  }

  @DeleteMapping("/api/tasks/{taskId}/draft")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void discard(@PathVariable String taskId) {
    access.requireMayWorkOn(taskId);
    drafts.discard(taskId);
  }
}
