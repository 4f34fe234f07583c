package org.mmccycle.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.mmccycle.checklist.ChecklistItem;
import org.springframework.stereotype.Service;

/**
 * The problems a visit found (checklist items with status {@code issue}) and their follow-up: posted
 * to the follow-up webhook, if there is one. The client cycle reports them in an async service task
 * after Execute checklist ({@code ReportIssuesDelegate}; a webhook that fails every retry fails the job:
 * an incident in Cockpit, not a lost problem); the follow-up task shows the {@link #summary}.
 */
@Service("followUpReports") // "followUps" is the model's name for FollowUpExpressions
public class FollowUps {

  /** One problem to follow up. */
  public record Issue(String itemId, String device, String section, String text, String note) {}

  /** What the webhook receives. */
  public record Report(String clientSlug, String clientName, String cycleMonth, List<Issue> issues) {}

  private final FollowUpWebhook webhook;
  private final ObjectMapper mapper;

  public FollowUps(FollowUpWebhook webhook, ObjectMapper mapper) {
    this.webhook = webhook;
    this.mapper = mapper;
  }

  /** The items with an issue, in checklist order. */
  public List<Issue> issues(List<ChecklistItem> items) {
    return items.stream()
        .filter(item -> ChecklistItem.ISSUE.equalsIgnoreCase(item.status()))
        .map(item -> new Issue(item.id(), item.device(), item.section(), item.text(), item.note()))
        .toList();
  }

  /** The issues as lines a person reads in the follow-up task: device, section, item, note. */
  public String summary(List<ChecklistItem> checklistItems) {
    return String.join("\n", issues(checklistItems).stream()
        .map(issue -> issue.device() + " / " + issue.section() + ": " + issue.text()
            + (issue.note() == null || issue.note().isBlank() ? "" : " (" + issue.note() + ")"))
        .toList());
  }

  /** Posts the visit's issues to the webhook (nothing when there are none or no webhook); the number of issues. */
  public int report(String clientSlug, String clientName, String cycleMonth, List<ChecklistItem> checklistItems) {
    List<Issue> issues = issues(checklistItems);
    if (!issues.isEmpty() && webhook.enabled()) {
      webhook.post(toJson(new Report(clientSlug, clientName, cycleMonth, issues)));
    }
    return issues.size();
  }

  String toJson(Report report) {
    try {
      return mapper.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the follow-ups cannot be written as JSON", e);
    }
  }
}
