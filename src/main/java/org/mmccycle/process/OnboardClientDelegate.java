package org.mmccycle.process;

import java.time.YearMonth;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmccycle.web.ConflictException;
import org.mmccycle.onboarding.ClientOnboarding;
import org.mmccycle.onboarding.NewClient;
import org.springframework.stereotype.Component;

/**
 * Client onboarding ({@code processes/client-onboarding.bpmn}, {@code ${onboardClientDelegate}}):
 * creates the client, its devices and its checklist's revision 1 from the start form's variables.
 * Bad or clashing input throws the BPMN error {@value #INVALID} with the reason, which the model
 * sends back to the review task (variable {@value #ERROR}).
 */
@Component("onboardClientDelegate")
public class OnboardClientDelegate implements JavaDelegate {

  public static final String PROCESS = "Process_ClientOnboarding";
  public static final String CLIENT_SLUG = "clientSlug";
  public static final String CLIENT_NAME = "clientName";
  public static final String CONTACT = "contact";
  public static final String SITE_ADDRESS = "siteAddress";
  /** Devices, one a line: {@code NAME;kind}. */
  public static final String DEVICES = "devices";
  public static final String TECHNICIAN = "technician";
  public static final String VISIT_PREFERENCE = "visitPreference";
  /** Set by the start event's {@code camunda:initiator}. */
  public static final String REQUESTED_BY = "onboardingRequestedBy";
  /** Written: the checklist revision made (1). */
  public static final String CHECKLIST_REVISION = "checklistRevision";
  /** Written by the error boundary event: why onboarding failed. */
  public static final String ERROR = "onboardingError";
  public static final String INVALID = "OnboardingInvalid";

  private final ClientOnboarding onboarding;
  private final Clock clock;

  public OnboardClientDelegate(ClientOnboarding onboarding, Clock clock) {
    this.onboarding = onboarding;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    try {
      List<NewClient.NewDevice> devices = ClientOnboarding.parseDeviceLines(text(execution, DEVICES));
      var request = new NewClient(trim(text(execution, CLIENT_SLUG)), text(execution, CLIENT_NAME), text(execution, CONTACT),
          text(execution, SITE_ADDRESS), text(execution, TECHNICIAN), text(execution, VISIT_PREFERENCE), devices, List.of());
      onboarding.validate(request); // refuse before the transactional part: a BPMN error must not roll back the engine
      String author = text(execution, REQUESTED_BY);
      YearMonth month = YearMonth.now(clock);
      var onboarded = onboarding.onboard(request, author == null ? "mmc-cycle" : author, month);
      execution.setVariable(CHECKLIST_REVISION, onboarded.firstRevision().number());
      execution.removeVariable(ERROR);
    } catch (IllegalArgumentException | ConflictException e) {
      throw new BpmnError(INVALID, e.getMessage());
    }
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }
}
