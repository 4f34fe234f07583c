package org.mmccycle.process;

import org.mmccycle.notify.FollowUps;
import org.springframework.stereotype.Component;

/**
 * {@code ${followUps.summary(checklistItems)}}: the follow-up task's list of the problems the visit
 * found, from the executed checklist variable (Json, as Tasklist stores it, or a JSON string).
 */
@Component("followUps")
public class FollowUpExpressions {

  private final FollowUps followUps;
  private final ChecklistJson checklistJson;

  public FollowUpExpressions(FollowUps followUps, ChecklistJson checklistJson) {
    this.followUps = followUps;
    this.checklistJson = checklistJson;
  }

  public String summary(Object checklistItems) {
    return followUps.summary(checklistJson.fromVariable(checklistItems));
  }
}
